/**
 * Webhooks end to end on both engines, against real local HTTP receivers: an owner registers one
 * on the settings page (the secret shown once, stored sealed; bad and own addresses refused); a
 * need created through the API reaches the receiver signed as documented (the receiver verifies
 * the HMAC, refuses a changed body and a stale timestamp); the test button's ping goes out; a
 * receiver failing twice is retried until it answers, every attempt in the log; a receiver that
 * never answers times out; an internal address is refused when not allowed; the logs hold
 * neither the secret nor the payload.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp } from '../../../test/support/app.js';
import { createUser, signInAs } from '../../../test/support/auth.js';
import { needBody, seedNeed, seedOffering, seedOrganisation } from '../../../test/support/capacity.js';
import { seedProject } from '../../../test/support/projects.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { Browser } from '../../../test/support/forms.js';
import { loadConfig } from '../../config/config.js';
import { drainJobs, enqueue } from '../../platform/jobs/index.js';
import { verifyWebhook } from '../../platform/webhooks/index.js';
import { deliverOnce, webhookDeliverJob, webhookDispatchJob } from './delivery.js';

interface Received {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

const ENV = { DCP_PUBLIC_URL: 'https://dcp.example.org', DCP_HARVEST_PRIVATE_ADDRESSES: 'allow' };

forEachEngine('webhooks', (t) => {
  const app = () => testApp(t.db, ENV);
  const received: Received[] = [];
  const logLines: string[] = [];
  const logger = pino(
    { level: 'debug' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    }),
  );
  const config = loadConfig({ NODE_ENV: 'test', ...ENV });
  const deps = () => ({ db: t.db, config, logger });
  let receiver: Server;
  let origin: string;
  let flakyCalls = 0;
  let org: string;
  let owner: Browser;

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        if (request.url === '/slow') return; // never answers
        if (request.url === '/flaky') {
          flakyCalls += 1;
          response.writeHead(flakyCalls <= 2 ? 500 : 200).end(flakyCalls <= 2 ? 'down for maintenance' : 'ok');
          return;
        }
        response.writeHead(204).end();
      });
    });
    receiver.listen(0, '127.0.0.1');
    await once(receiver, 'listening');
    origin = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    org = await seedOrganisation(t.db);
    const user = await createUser(t.db, { memberships: [{ organisationId: org, role: 'owner' }] });
    owner = new Browser(app());
    await owner.submit('/sign-in', { email: user.email, password: user.password });
  });

  afterAll(async () => {
    receiver.closeAllConnections();
    receiver.close();
  });

  /** Registers a webhook on the settings page; returns its id and the secret the page showed once. */
  async function register(path: string, events: string[]): Promise<{ id: string; secret: string; html: string }> {
    const fields = Object.fromEntries(events.map((e) => [`event-${e}`, 'yes']));
    const { response, html } = await owner.submit(`/organisations/${org}/webhooks`, { url: `${origin}${path}`, ...fields });
    expect(response.status).toBe(200);
    const secret = /value="(whsec_[A-Za-z0-9_-]+)"/.exec(html)?.[1];
    const id = new RegExp(`/organisations/${org}/webhooks/([0-9a-f-]{36})`).exec(html)?.[1];
    expect(secret).toBeDefined();
    return { id: id!, secret: secret!, html };
  }

  const run = () => drainJobs(deps(), [webhookDispatchJob, webhookDeliverJob]);
  const attemptsOf = (webhookId: string) =>
    t.db
      .selectFrom('webhook_attempts as a')
      .innerJoin('webhook_deliveries as d', 'd.id', 'a.delivery_id')
      .select(['d.event', 'd.status', 'a.attempt', 'a.status_code', 'a.error'])
      .where('d.webhook_id', '=', webhookId)
      .orderBy('a.attempt')
      .execute();

  it('registers a webhook on the page, shows its secret once and keeps it sealed; refuses bad and own addresses and non-owners', async () => {
    const page = await owner.get(`/organisations/${org}/webhooks`);
    expect(page.html).toContain('Register a webhook');
    const ftp = await owner.post(`/organisations/${org}/webhooks`, { url: 'ftp://files.example.org/in', 'event-need': 'yes' }, page.html);
    expect(ftp.response.status).toBe(400);
    expect(ftp.html).toContain('Enter an address that starts with http:// or https://');
    const own = await owner.post(
      `/organisations/${org}/webhooks`,
      { url: 'https://dcp.example.org/api/v1/needs', 'event-need': 'yes' },
      page.html,
    );
    expect(own.response.status).toBe(400);
    expect(own.html).toContain('must not point to this platform itself');
    const none = await owner.post(`/organisations/${org}/webhooks`, { url: `${origin}/ok` }, page.html);
    expect(none.response.status).toBe(400);
    expect(none.html).toContain('Choose at least one kind of event');
    expect(await t.db.selectFrom('webhooks').select('id').where('organisation_id', '=', org).execute()).toEqual([]);

    const { id, secret } = await register('/ok', ['need', 'match']);
    const row = await t.db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.events).toEqual(['need', 'match']);
    expect(row.secret_sealed.toString('latin1')).not.toContain(secret.slice(6, 20));
    const list = await owner.get(`/organisations/${org}/webhooks`);
    expect(list.html).toContain(`${origin}/ok`);
    expect(list.html).not.toContain(secret);

    const member = await createUser(t.db, { memberships: [{ organisationId: org, role: 'editor' }] });
    const api = await signInAs(app(), member);
    expect((await app().request(`/api/v1/organisations/${org}/webhooks`, { headers: api.headers })).status).toBe(403);
    expect((await new Browser(app()).get(`/organisations/${org}/webhooks`)).response.status).toBe(303);
  });

  it('sends a new need of the organisation to the receiver, signed over timestamp and body, and logs the attempt', async () => {
    const hook = (await t.db.selectFrom('webhooks').select('id').where('organisation_id', '=', org).executeTakeFirstOrThrow()).id;
    const user = await createUser(t.db, { memberships: [{ organisationId: org, role: 'editor' }] });
    const session = await signInAs(app(), user);
    const title = 'Formation des agents du régulateur à la cybersécurité (webhook)';
    const created = await app().request('/api/v1/needs', {
      method: 'POST',
      headers: { ...session.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ requesterOrganisationId: org, ...needBody({ title }) }),
    });
    expect(created.status).toBe(201);
    const needId = ((await created.json()) as { id: string }).id;
    await enqueue(t.db, webhookDispatchJob, {});
    received.length = 0;
    expect(await run()).toBe(2);
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request!.headers['x-dcp-event']).toBe('need.create');
    const payload = JSON.parse(request!.body) as { id: string; event: string; organisationId: string; resource: Record<string, unknown> };
    expect(payload).toMatchObject({
      event: 'need.create',
      organisationId: org,
      resource: { type: 'need', id: needId, title, status: 'open', url: `https://dcp.example.org/needs/${needId}` },
    });
    expect(request!.headers['x-dcp-delivery']).toBe(payload.id);
    expect(await attemptsOf(hook)).toEqual([{ event: 'need.create', status: 'delivered', attempt: 1, status_code: 204, error: null }]);
    expect(logLines.join('')).not.toContain(title);
  });

  it('lets the receiver verify the signature, and refuse a changed body or a stale timestamp', async () => {
    const { id, secret } = await register('/ok', ['project']);
    const log = await owner.get(`/organisations/${org}/webhooks/${id}`);
    expect(log.html).toContain('Nothing has been sent yet.');
    const sent = await owner.post(`/organisations/${org}/webhooks/${id}/test`, {}, log.html);
    expect(sent.response.headers.get('location')).toBe(`/organisations/${org}/webhooks/${id}?sent=1`);
    received.length = 0;
    expect(await run()).toBe(1);
    const [ping] = received;
    const headers = { signature: ping!.headers['x-dcp-signature'] as string, timestamp: ping!.headers['x-dcp-timestamp'] as string };
    expect(headers.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhook(secret, headers, ping!.body)).toBeNull();
    expect(verifyWebhook(secret, headers, ping!.body.replace('ping', 'pong'))).toBe('mismatch');
    expect(verifyWebhook(`${secret}x`, headers, ping!.body)).toBe('mismatch');
    expect(verifyWebhook(secret, headers, ping!.body, Date.now() + 301_000)).toBe('stale');
    expect(JSON.parse(ping!.body)).toMatchObject({ event: 'ping', organisationId: org, resource: null });
    const after = await owner.get(`/organisations/${org}/webhooks/${id}`);
    expect(after.html).toMatch(/<td>ping<\/td><td>1<\/td><td>[^<]+<\/td><td>204<\/td><td>Delivered<\/td>/);
    expect(logLines.join('')).not.toContain(secret);
  });

  it('retries a receiver that fails twice with growing delays, until it answers; every attempt is in the log', async () => {
    const api = await signInAs(app(), (await createUser(t.db, { memberships: [{ organisationId: org, role: 'owner' }] }))!);
    const created = await app().request(`/api/v1/organisations/${org}/webhooks`, {
      method: 'POST',
      headers: { ...api.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: `${origin}/flaky`, events: ['offering'] }),
    });
    expect(created.status).toBe(201);
    const hook = (await created.json()) as { id: string; secret: string };
    expect(hook.secret).toMatch(/^whsec_/);
    const queued = await app().request(`/api/v1/organisations/${org}/webhooks/${hook.id}/test`, { method: 'POST', headers: api.headers });
    expect(queued.status).toBe(202);
    const { deliveryId } = (await queued.json()) as { deliveryId: string };
    const delays: number[] = [];
    const states: string[] = [];
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect(await drainJobs(deps(), [webhookDeliverJob])).toBe(1);
      const { rows } = await sql<{ state: string; delay: number }>`
        select state, extract(epoch from start_after - now())::float8 as delay from pgboss.job
        where name = 'webhook-deliver' and data->>'deliveryId' = ${deliveryId}`.execute(t.db);
      states.push(rows[0]!.state);
      delays.push(rows[0]!.delay);
      // The backoff's wait, skipped: make the retry due now.
      await sql`update pgboss.job set start_after = now() where name = 'webhook-deliver' and state = 'retry'`.execute(t.db);
    }
    expect(states).toEqual(['retry', 'retry', 'completed']);
    expect(delays[0]).toBeGreaterThan(20);
    expect(delays[1]).toBeGreaterThan(delays[0]!);
    expect(await attemptsOf(hook.id)).toEqual([
      { event: 'ping', status: 'delivered', attempt: 1, status_code: 500, error: 'http-500' },
      { event: 'ping', status: 'delivered', attempt: 2, status_code: 500, error: 'http-500' },
      { event: 'ping', status: 'delivered', attempt: 3, status_code: 200, error: null },
    ]);
    const log = (await (
      await app().request(`/api/v1/organisations/${org}/webhooks/${hook.id}/deliveries`, { headers: api.headers })
    ).json()) as {
      data: { status: string; attempts: { attempt: number; error: string | null }[] }[];
    };
    expect(log.data[0]).toMatchObject({
      status: 'delivered',
      attempts: [{ attempt: 1, error: 'http-500' }, { attempt: 2 }, { attempt: 3, error: null }],
    });
    // Retries repeat the delivery id, so a receiver can drop one it handled.
    const flaky = received.filter((r) => r.path === '/flaky').map((r) => r.headers['x-dcp-delivery']);
    expect(new Set(flaky).size).toBe(1);
    expect(flaky).toHaveLength(3);
  });

  it('records a timeout for a receiver that never answers, marks the last attempt failed, and refuses internal addresses unless allowed', async () => {
    const slow = await register('/slow', ['need']);
    const queued = await app().request(`/api/v1/organisations/${org}/webhooks/${slow.id}/test`, {
      method: 'POST',
      headers: (await signInAs(app(), await createUser(t.db, { memberships: [{ organisationId: org, role: 'owner' }] }))).headers,
    });
    const { deliveryId } = (await queued.json()) as { deliveryId: string };
    await expect(deliverOnce({ ...deps(), attempt: 6 }, deliveryId, { timeoutMs: 300, lastAttempt: 6 })).rejects.toThrow(/timeout/);
    expect(await attemptsOf(slow.id)).toEqual([{ event: 'ping', status: 'failed', attempt: 6, status_code: null, error: 'timeout' }]);

    const guarded = await register('/ok', ['need']);
    const ping = (await (
      await app().request(`/api/v1/organisations/${org}/webhooks/${guarded.id}/test`, {
        method: 'POST',
        headers: (await signInAs(app(), await createUser(t.db, { memberships: [{ organisationId: org, role: 'owner' }] }))).headers,
      })
    ).json()) as { deliveryId: string };
    const strict = { ...deps(), config: loadConfig({ NODE_ENV: 'test', DCP_PUBLIC_URL: 'https://dcp.example.org' }), attempt: 1 };
    await expect(deliverOnce(strict, ping.deliveryId, { timeoutMs: 2000, lastAttempt: 6 })).rejects.toThrow(/internal-address/);
    expect(await attemptsOf(guarded.id)).toEqual([
      { event: 'ping', status: 'pending', attempt: 1, status_code: null, error: 'internal-address' },
    ]);
  });

  it('feeds project updates and match steps from the features’ own audit entries; a shortlist reaches only the requester’s side', async () => {
    const lead = await seedOrganisation(t.db);
    const provider = await seedOrganisation(t.db);
    const editor = await signInAs(app(), await createUser(t.db, { memberships: [{ organisationId: lead, role: 'editor' }] }));
    const api = async (session: { headers: Record<string, string> }, path: string, body: unknown) => {
      const response = await app().request(path, {
        method: 'POST',
        headers: { ...session.headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status, `${path}: ${await response.clone().text()}`).toBeLessThan(300);
      return (await response.json()) as { id: string; secret: string };
    };
    const ownerOf = async (organisationId: string) =>
      signInAs(app(), await createUser(t.db, { memberships: [{ organisationId, role: 'owner' }] }));
    const team = await api(await ownerOf(lead), `/api/v1/organisations/${lead}/webhooks`, {
      url: `${origin}/team`,
      events: ['project', 'match'],
    });
    await api(await ownerOf(provider), `/api/v1/organisations/${provider}/webhooks`, { url: `${origin}/provider`, events: ['match'] });

    const projectId = await seedProject(t.db, lead);
    await api(editor, `/api/v1/projects/${projectId}/updates`, {
      date: '2027-02-01',
      language: 'en',
      body: 'Forty schools connected this month',
    });
    const needId = await seedNeed(t.db, lead, { visibility: 'members' });
    const offeringId = await seedOffering(t.db, provider, { status: 'published', language: 'fr', languages: ['fr'] });
    const match = await api(editor, '/api/v1/matches', { needId, offeringId, start: 'shortlist' });
    await api(editor, `/api/v1/matches/${match.id}/transitions`, { transition: 'request', version: 1 });

    received.length = 0;
    await enqueue(t.db, webhookDispatchJob, {});
    await run();
    const events = (path: string) => received.filter((r) => r.path === path).map((r) => r.headers['x-dcp-event']);
    expect(events('/team').toSorted()).toEqual(['match.request', 'match.shortlist', 'project.create', 'project.update-post']);
    expect(events('/provider')).toEqual(['match.request']);
    const update = JSON.parse(received.find((r) => r.headers['x-dcp-event'] === 'project.update-post')!.body) as { resource: object };
    expect(update.resource).toMatchObject({ type: 'project', id: projectId, url: `https://dcp.example.org/projects/${projectId}` });
    // The update's text is not sent: a link is, so the receiver's readers see it where access is checked.
    expect(JSON.stringify(update)).not.toContain('Forty schools');
    const shortlist = JSON.parse(received.find((r) => r.headers['x-dcp-event'] === 'match.shortlist')!.body) as {
      resource: { status: string };
    };
    expect(shortlist.resource.status).toBe('shortlisted');
    expect(team.secret).toMatch(/^whsec_/);
  });
});
