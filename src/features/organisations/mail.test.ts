/** Invitation mails: queued by the invitation, written in the invitee's language when known. */
import { expect, it } from 'vitest';
import { body, testApp } from '../../../test/support/app.js';
import { createUser, signInAs } from '../../../test/support/auth.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { runJobs } from '../../../test/support/jobs.js';
import { readOutbox } from '../../platform/mail/index.js';

forEachEngine('invitation mail', (t) => {
  it('writes to an invitee in the language their account prefers, and to a stranger in the inviter’s', async () => {
    const app = testApp(t.db);
    const owner = await signInAs(app, await createUser(t.db));
    const headers = { ...owner.headers, 'Content-Type': 'application/json', 'Accept-Language': 'fr' };
    const created = await app.request('/api/v1/organisations', {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Ministère du numérique', kind: 'member-state' }),
    });
    expect(created.status).toBe(201);
    const { id } = await body<{ id: string }>(created);
    const russian = await createUser(t.db);
    await t.db.updateTable('users').set({ preferred_lang: 'ru' }).where('id', '=', russian.id).execute();
    const stranger = `stranger-${Date.now()}@example.org`;
    for (const email of [russian.email, stranger]) {
      const invited = await app.request(`/api/v1/organisations/${id}/invitations`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ email, role: 'member' }),
      });
      expect(invited.status).toBe(201);
    }
    await runJobs(t.db);
    const outbox = await readOutbox(t.db);
    const toRussian = outbox.find((m) => m.recipient === russian.email);
    const toStranger = outbox.find((m) => m.recipient === stranger);
    expect(toRussian?.subject).toMatch(/[а-яА-Я]/);
    expect(toRussian?.subject).toContain('Ministère du numérique');
    expect(toStranger?.subject).toBe('Invitation à rejoindre Ministère du numérique');
    expect(toStranger?.subject).not.toMatch(/[а-яА-Я]/);
    expect(toStranger?.body).toMatch(/\/invitations\/[\w-]+/);
  });
});
