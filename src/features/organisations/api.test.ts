import { expect, it } from 'vitest';
import { body, testApp } from '../../../test/support/app.js';
import { createUser, signInAs, type SignedIn, type TestUser } from '../../../test/support/auth.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { readOutbox } from '../../platform/mail/index.js';
import { runJobs } from '../../../test/support/jobs.js';

type Org = { id: string; name: string; country: string | null; verification: string; emailDomains?: string[] };
type Member = { userId: string; role: string; displayName: string };

const json = (who: SignedIn | undefined, method: string, payload?: unknown) => ({
  method,
  headers: { ...who?.headers, 'Content-Type': 'application/json' },
  ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
});

forEachEngine('organisations API', (t) => {
  const app = () => testApp(t.db);
  let founder: TestUser;
  let founderSession: SignedIn;
  let other: TestUser;
  let otherSession: SignedIn;
  let coordinatorSession: SignedIn;
  let org: Org;

  async function auditActions(resourceId: string) {
    const rows = await t.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('resource_id', 'like', `${resourceId}%`)
      .orderBy('id')
      .execute();
    return rows;
  }

  it('lets a signed-in person found an organisation and become its owner, recorded in the audit log', async () => {
    founder = await createUser(t.db, { displayName: 'Amina Founder' });
    other = await createUser(t.db, { displayName: 'Bo Other' });
    founderSession = await signInAs(app(), founder);
    otherSession = await signInAs(app(), other);
    coordinatorSession = await signInAs(app(), await createUser(t.db, { platformRole: 'coordinator' }));

    const res = await app().request(
      '/api/v1/organisations',
      json(founderSession, 'POST', {
        name: 'Ministry of ICT, Kenya',
        acronym: 'MoICT',
        kind: 'member-state',
        country: 'ken',
        website: 'https://ict.go.ke',
      }),
    );
    expect(res.status).toBe(201);
    org = await body<Org>(res);
    expect(org).toMatchObject({ name: 'Ministry of ICT, Kenya', country: 'KEN', verification: 'unverified', emailDomains: [] });

    const members = await body<{ data: Member[] }>(
      await app().request(`/api/v1/organisations/${org.id}/members`, { headers: founderSession.headers }),
    );
    expect(members.data).toEqual([expect.objectContaining({ userId: founder.id, role: 'owner', displayName: 'Amina Founder' })]);
    expect((await auditActions(org.id)).map((r) => r.action)).toEqual(['organisation.create', 'membership.add']);
  });

  it('shows organisations publicly but hides e-mail domains and members from outsiders', async () => {
    const list = await body<{ data: Org[] }>(await app().request('/api/v1/organisations?country=KEN'));
    expect(list.data.map((o) => o.id)).toContain(org.id);
    expect(list.data[0]).not.toHaveProperty('emailDomains');
    expect((await app().request(`/api/v1/organisations/${org.id}/members`)).status).toBe(401);
    expect((await app().request(`/api/v1/organisations/${org.id}/members`, { headers: otherSession.headers })).status).toBe(403);
  });

  it('refuses a duplicate name, an unknown country and an insecure website with the failing field', async () => {
    const duplicate = await app().request(
      '/api/v1/organisations',
      json(otherSession, 'POST', { name: 'ministry of ict, kenya', kind: 'member-state' }),
    );
    expect(duplicate.status).toBe(409);
    const country = await app().request(
      '/api/v1/organisations',
      json(otherSession, 'POST', { name: 'Nowhere Agency', kind: 'member-state', country: 'XYZ' }),
    );
    expect(await body(country)).toMatchObject({ code: 'validation-failed', fields: [{ field: 'body.country' }] });
    const website = await app().request(
      '/api/v1/organisations',
      json(otherSession, 'POST', { name: 'Scripted', kind: 'academia', website: 'javascript:alert(1)' }),
    );
    expect(website.status).toBe(400);
  });

  it('lets only owners edit, and records before and after', async () => {
    expect((await app().request(`/api/v1/organisations/${org.id}`, json(otherSession, 'PATCH', { acronym: 'X' }))).status).toBe(403);
    const res = await app().request(
      `/api/v1/organisations/${org.id}`,
      json(founderSession, 'PATCH', { description: 'Leads the national digital strategy.' }),
    );
    expect(res.status).toBe(200);
    const update = (await auditActions(org.id)).find((r) => r.action === 'organisation.update');
    expect(update?.before).toMatchObject({ description: null });
    expect(update?.after).toMatchObject({ description: 'Leads the national digital strategy.' });
  });

  it('invites by e-mail; only the invited address can accept, once', async () => {
    const invitee = await createUser(t.db, { displayName: 'Chen Invitee' });
    const res = await app().request(
      `/api/v1/organisations/${org.id}/invitations`,
      json(founderSession, 'POST', { email: invitee.email.toUpperCase(), role: 'editor' }),
    );
    expect(res.status).toBe(201);
    expect(await body(res)).toMatchObject({ email: invitee.email, role: 'editor' });
    await runJobs(t.db);
    const mail = (await readOutbox(t.db)).find((m) => m.recipient === invitee.email);
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail?.body ?? '')?.[1];
    expect(token).toBeTruthy();
    // The token is stored only as a hash.
    expect(JSON.stringify(await t.db.selectFrom('invitations').selectAll().execute())).not.toContain(token!);

    const stranger = await app().request('/api/v1/invitations/accept', json(otherSession, 'POST', { token }));
    expect(stranger.status).toBe(403);
    const inviteeSession = await signInAs(app(), invitee);
    const accepted = await app().request('/api/v1/invitations/accept', json(inviteeSession, 'POST', { token }));
    expect(accepted.status).toBe(200);
    expect(await body(accepted)).toMatchObject({ role: 'editor', organisation: { id: org.id } });
    expect((await app().request('/api/v1/invitations/accept', json(inviteeSession, 'POST', { token }))).status).toBe(404);
    const mine = await body<{ data: { organisation: { id: string }; role: string }[] }>(
      await app().request('/api/v1/me/organisations', { headers: inviteeSession.headers }),
    );
    expect(mine.data).toEqual([expect.objectContaining({ role: 'editor', organisation: expect.objectContaining({ id: org.id }) })]);
    // The audit log keeps the invitation's id, never the address.
    const entries = await t.db.selectFrom('audit_log').select(['before', 'after']).execute();
    expect(JSON.stringify(entries)).not.toContain(invitee.email);
  });

  it('revokes an invitation so its link stops working', async () => {
    await app().request(`/api/v1/organisations/${org.id}/invitations`, json(founderSession, 'POST', { email: 'revoked@example.org' }));
    const open = await body<{ data: { id: string; email: string }[] }>(
      await app().request(`/api/v1/organisations/${org.id}/invitations`, { headers: founderSession.headers }),
    );
    const invitation = open.data.find((i) => i.email === 'revoked@example.org')!;
    expect(
      (await app().request(`/api/v1/organisations/${org.id}/invitations/${invitation.id}`, json(founderSession, 'DELETE'))).status,
    ).toBe(204);
    const after = await body<{ data: { id: string }[] }>(
      await app().request(`/api/v1/organisations/${org.id}/invitations`, { headers: founderSession.headers }),
    );
    expect(after.data.map((i) => i.id)).not.toContain(invitation.id);
  });

  it('never leaves an organisation without an owner', async () => {
    const downgrade = await app().request(
      `/api/v1/organisations/${org.id}/members/${founder.id}`,
      json(founderSession, 'PATCH', { role: 'member' }),
    );
    expect(downgrade.status).toBe(409);
    const leave = await app().request(`/api/v1/organisations/${org.id}/members/${founder.id}`, json(founderSession, 'DELETE'));
    expect(leave.status).toBe(409);

    const members = await body<{ data: Member[] }>(
      await app().request(`/api/v1/organisations/${org.id}/members`, { headers: founderSession.headers }),
    );
    const editor = members.data.find((m) => m.role === 'editor')!;
    expect(
      (await app().request(`/api/v1/organisations/${org.id}/members/${editor.userId}`, json(founderSession, 'PATCH', { role: 'owner' })))
        .status,
    ).toBe(200);
    expect(
      (await app().request(`/api/v1/organisations/${org.id}/members/${founder.id}`, json(founderSession, 'PATCH', { role: 'member' })))
        .status,
    ).toBe(200);
    const roleChanges = (await auditActions(`${org.id}/`)).filter((r) => r.action === 'membership.role-change');
    expect(roleChanges.map((r) => [r.before, r.after])).toEqual([
      [expect.objectContaining({ role: 'editor' }), expect.objectContaining({ role: 'owner' })],
      [expect.objectContaining({ role: 'owner' }), expect.objectContaining({ role: 'member' })],
    ]);
    // Now a plain member, the founder may still leave.
    expect((await app().request(`/api/v1/organisations/${org.id}/members/${founder.id}`, json(founderSession, 'DELETE'))).status).toBe(204);
  });

  it('keeps the last owner in place when two owners step down at the same time', async () => {
    const a = await createUser(t.db);
    const b = await createUser(t.db);
    const created = await body<Org>(
      await app().request('/api/v1/organisations', json(await signInAs(app(), a), 'POST', { name: 'Race Org', kind: 'academia' })),
    );
    await t.db.insertInto('memberships').values({ organisation_id: created.id, user_id: b.id, role: 'owner' }).execute();
    const [sa, sb] = [await signInAs(app(), a), await signInAs(app(), b)];
    const results = await Promise.all([
      app().request(`/api/v1/organisations/${created.id}/members/${a.id}`, json(sa, 'DELETE')),
      app().request(`/api/v1/organisations/${created.id}/members/${b.id}`, json(sb, 'DELETE')),
    ]);
    expect(results.map((r) => r.status).toSorted()).toEqual([204, 409]);
    const owners = await t.db
      .selectFrom('memberships')
      .select('user_id')
      .where('organisation_id', '=', created.id)
      .where('role', '=', 'owner')
      .execute();
    expect(owners).toHaveLength(1);
  });

  it('lets a coordinator verify and map e-mail domains, and nobody else', async () => {
    expect(
      (await app().request(`/api/v1/organisations/${org.id}/verify`, json(otherSession, 'POST', { verification: 'verified' }))).status,
    ).toBe(403);
    const res = await app().request(
      `/api/v1/organisations/${org.id}/verify`,
      json(coordinatorSession, 'POST', { verification: 'verified', emailDomains: ['ICT.go.ke'] }),
    );
    expect(res.status).toBe(200);
    expect(await body(res)).toMatchObject({ verification: 'verified', emailDomains: ['ict.go.ke'] });
    const bad = await app().request(
      `/api/v1/organisations/${org.id}/verify`,
      json(coordinatorSession, 'POST', { verification: 'verified', emailDomains: ['not a domain'] }),
    );
    expect(bad.status).toBe(400);
  });

  it('refuses a state change made with the session cookie but without the CSRF token, changing nothing', async () => {
    const res = await app().request(`/api/v1/organisations/${org.id}`, {
      method: 'PATCH',
      headers: { Cookie: founderSession.cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Hijacked' }),
    });
    expect(res.status).toBe(403);
    expect((await body<Org>(await app().request(`/api/v1/organisations/${org.id}`))).name).toBe('Ministry of ICT, Kenya');
  });

  it('serves the organisation pages and runs their forms with the CSRF token', async () => {
    const list = await app().request('/organisations');
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('Ministry of ICT, Kenya');
    expect((await app().request('/organisations/new')).status).toBe(303);
    const form = await app().request('/organisations/new', { headers: { Cookie: otherSession.cookie } });
    const html = await form.text();
    expect(html).toContain('name="_csrf"');
    const post = (fields: Record<string, string>) =>
      app().request('/organisations', {
        method: 'POST',
        headers: { Cookie: otherSession.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
    expect((await post({ name: 'Forged', kind: 'academia' })).status).toBe(403);
    const created = await post({
      _csrf: otherSession.csrf,
      name: 'University of Nairobi',
      kind: 'academia',
      country: 'KEN',
      acronym: '',
      website: '',
      description: '',
    });
    expect(created.status).toBe(303);
    const page = await app().request(created.headers.get('location')!, { headers: { Cookie: otherSession.cookie } });
    const text = await page.text();
    expect(text).toContain('University of Nairobi');
    expect(text).toContain('Invite someone');
    const invalid = await post({ _csrf: otherSession.csrf, name: 'X', kind: 'academia' });
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain('role="alert"');
  });
});

forEachEngine('my organisations through an API token', (t) => {
  it('shows a token only the organisation it was made for, not its maker’s other affiliations', async () => {
    const [a, b] = await Promise.all(
      ['Token Org A', 'Secret Org B'].map(async (name) =>
        t.db.insertInto('organisations').values({ name, kind: 'academia' }).returning('id').executeTakeFirstOrThrow(),
      ),
    );
    const person = await createUser(t.db, {
      memberships: [
        { organisationId: a!.id, role: 'editor' },
        { organisationId: b!.id, role: 'member' },
      ],
    });
    const app = testApp(t.db);
    const session = await signInAs(app, person);
    const created = await app.request(
      '/api/v1/tokens',
      json(session, 'POST', { organisationId: a!.id, scope: 'read', name: 'reporting bot' }),
    );
    expect(created.status).toBe(201);
    const { token } = await body<{ token: string }>(created);
    type List = { data: { organisation: { id: string } }[] };
    const viaToken = await body<List>(await app.request('/api/v1/me/organisations', { headers: { Authorization: `Bearer ${token}` } }));
    expect(viaToken.data.map((m) => m.organisation.id)).toEqual([a!.id]);
    const viaSession = await body<List>(await app.request('/api/v1/me/organisations', { headers: session.headers }));
    expect(viaSession.data.map((m) => m.organisation.id).toSorted()).toEqual([a!.id, b!.id].toSorted());
  });
});
