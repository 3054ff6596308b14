import { expect, it } from 'vitest';
import { forEachEngine } from '../../test/support/engines.js';
import { verifyPassword } from '../features/accounts/index.js';
import { UsageError } from './command.js';
import { createUser, type UsersCreateOptions } from './users.js';

forEachEngine('dcp users create', (t) => {
  const base: UsersCreateOptions = { email: undefined, name: undefined, admin: false, coordinator: false, passwordStdin: false };

  it('creates a verified admin and prints a one-time password that signs in', async () => {
    let out = '';
    await createUser(t.db, { ...base, email: 'First.Admin@Example.org', name: 'First Admin', admin: true }, (s) => {
      out += s;
    });
    const password = /one-time password[^:]*: (\S+)/.exec(out)?.[1];
    expect(password).toBeDefined();
    const user = await t.db.selectFrom('users').selectAll().where('email', '=', 'first.admin@example.org').executeTakeFirstOrThrow();
    expect(user.platform_role).toBe('admin');
    expect(user.email_verified_at).not.toBeNull();
    expect(await verifyPassword(user.password_hash!, password!)).toBe(true);
    expect(out).not.toContain(user.password_hash!);
  });

  it('says clearly what is missing or wrong', async () => {
    const run = (options: Partial<UsersCreateOptions>) => createUser(t.db, { ...base, ...options }, () => {});
    await expect(run({ name: 'X' })).rejects.toThrow(new UsageError('users create needs --email ADDRESS'));
    await expect(run({ email: 'x@example.org' })).rejects.toThrow(/--name/);
    await expect(run({ email: 'x@example.org', name: 'X', admin: true, coordinator: true })).rejects.toThrow(
      /one of --admin and --coordinator/,
    );
    await expect(run({ email: 'not-an-address', name: 'X' })).rejects.toThrow(/not an e-mail address/);
    await createUser(t.db, { ...base, email: 'twice@example.org', name: 'Twice' }, () => {});
    await expect(run({ email: 'twice@example.org', name: 'Again' })).rejects.toThrow(/already exists/);
  });
});
