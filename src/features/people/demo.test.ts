import { expect, it } from 'vitest';
import { collaborateDemoCommand } from '../../cli/collaborate.js';
import { body, testApp } from '../../../test/support/app.js';
import { randomAddress } from '../../../test/support/auth.js';
import { forEachEngine } from '../../../test/support/engines.js';
import type { PeoplePage } from './index.js';

forEachEngine('demo people and projects', (t) => {
  const app = () => testApp(t.db);
  const get = async <T>(path: string) => body<T>(await app().request(path, { headers: { 'X-Forwarded-For': randomAddress() } }));
  const count = async (table: 'profiles' | 'projects' | 'project_roles' | 'project_team') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('generates labelled people and projects over the real vocabulary, without doubling them when run again', async () => {
    expect(await collaborateDemoCommand(t.db, 'generate', { people: '80', projects: '12', seed: '11' })).toEqual({
      people: 80,
      projects: 12,
    });
    expect(await collaborateDemoCommand(t.db, 'generate', { people: '80', projects: '12', seed: '11' })).toEqual({
      people: 0,
      projects: 0,
    });
    expect(await count('profiles')).toBe(80);
    expect(await count('projects')).toBe(12);
    expect(await count('project_roles')).toBeGreaterThanOrEqual(12);
    expect(await count('project_team')).toBeGreaterThan(0);

    const page = await get<PeoplePage>('/api/v1/people?demo=only&limit=100');
    expect(page.data.length).toBeGreaterThan(30);
    expect(page.data.every((p) => p.demo && p.notice === 'generated demo data')).toBe(true);
    expect(page.data.every((p) => p.organisations.every((o) => /^Demo · .* \(generated\)$/.test(o.name)))).toBe(true);
    // Several languages, as where the people work.
    expect(page.facets.values['languages']!.length).toBeGreaterThan(4);
    const profiles = await t.db.selectFrom('profiles').select(['bio', 'bio_language']).execute();
    expect(new Set(profiles.map((p) => p.bio_language)).size).toBeGreaterThanOrEqual(3);
    for (const p of profiles) expect(p.bio).toMatch(/Generated demo profile|généré|generado|Сгенерированный|مُولَّد|生成/);
    // Nobody can sign in as a demo person.
    const accounts = await t.db
      .selectFrom('users')
      .select(['email', 'password_hash', 'email_verified_at'])
      .where('email', 'like', '%@demo.invalid')
      .execute();
    expect(accounts.length).toBe(80);
    expect(accounts.every((a) => a.password_hash === null && a.email_verified_at === null)).toBe(true);
  });

  it('takes every generated person, project and demo organisation out again', async () => {
    expect(await collaborateDemoCommand(t.db, 'remove', {})).toEqual({ projects: 12, people: 80, organisations: 4 });
    expect(await count('profiles')).toBe(0);
    expect(await count('projects')).toBe(0);
    expect(await t.db.selectFrom('users').select('id').where('email', 'like', '%@demo.invalid').execute()).toEqual([]);
    expect(await t.db.selectFrom('organisations').select('id').where('name', 'like', 'Demo · %').execute()).toEqual([]);
  });
});
