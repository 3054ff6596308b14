/**
 * Several app instances on one database (PRODUCT.md "Scale": nothing may assume
 * it is the only instance). Two real `dcp serve` processes, each on its own
 * port, on the same PostgreSQL database, on both engines:
 *
 * - a session made on one is valid on the other, and signing out on one ends it on both;
 * - the anonymous API read limit is one budget for both;
 * - an import beside one instance invalidates the profiles the other has cached.
 *
 * Only one instance runs a scheduled job: the in-process workers of `dcp serve` are the same
 * runner (`startJobRunner`) as `dcp worker`, and src/platform/jobs/worker-process.test.ts starts
 * two of them as processes on one database and counts one run per scheduled period.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../support/auth.js';
import { forEachEngine } from '../support/engines.js';
import { projectRoot } from '../../src/config/config.js';
import { startProcess, type Started } from './processes.js';

const RATE_LIMIT = 10;

function startInstance(url: string): Promise<Started> {
  return startProcess(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: '0',
      LOG_LEVEL: 'info',
      // Each test speaks from its own address (X-Forwarded-For), so limits never cross tests.
      DCP_TRUST_PROXY: 'true',
      DCP_API_RATE_LIMIT: String(RATE_LIMIT),
    },
  });
}

interface Profile {
  indicators: { code: string; latest: { year: number; value: number } | null }[];
}

/** One anonymous API read from the address the rate-limit test speaks from. */
function read(origin: string): Promise<number> {
  return fetch(`${origin}/api/v1/countries/KEN`, { headers: { 'X-Forwarded-For': '198.51.100.2' } }).then(async (r) => {
    await r.arrayBuffer();
    return r.status;
  });
}

/** KEN's latest internet use in the profile an instance serves. */
async function profile(origin: string) {
  const response = await fetch(`${origin}/api/v1/countries/KEN/profile`, { headers: { 'X-Forwarded-For': '198.51.100.3' } });
  expect(response.status).toBe(200);
  return ((await response.json()) as Profile).indicators.find((i) => i.code === 'internet-use')!.latest;
}

forEachEngine('two app instances on one database', (t) => {
  let a: Started;
  let b: Started;
  const dir = mkdtempSync(path.join(tmpdir(), 'dcp-two-'));

  beforeAll(async () => {
    [a, b] = await Promise.all([startInstance(t.url), startInstance(t.url)]);
  }, 120_000);

  afterAll(async () => {
    for (const instance of [a, b]) {
      if (!instance) continue;
      instance.child.kill('SIGTERM');
      await instance.exited();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'accepts on one instance the session made on the other, and ends it on both when signed out on one',
    { timeout: 120_000 },
    async () => {
      const user = await createUser(t.db, { displayName: 'Two Instances' });
      const signIn = await fetch(`${a.origin}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.1' },
        body: JSON.stringify({ email: user.email, password: user.password }),
      });
      expect(signIn.status).toBe(200);
      const cookie = /dcp_session=[^;]+/.exec(signIn.headers.get('set-cookie') ?? '')![0];
      const { csrfToken } = (await signIn.json()) as { csrfToken: string };

      const me = await fetch(`${b.origin}/api/v1/me`, { headers: { Cookie: cookie } });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { displayName: string }).displayName).toBe('Two Instances');

      const signOut = await fetch(`${b.origin}/api/v1/auth/sign-out`, {
        method: 'POST',
        headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken },
      });
      expect(signOut.status).toBeLessThan(300);
      expect((await fetch(`${a.origin}/api/v1/me`, { headers: { Cookie: cookie } })).status).toBe(401);
    },
  );

  it('counts anonymous API reads against one limit for both instances', { timeout: 120_000 }, async () => {
    const statuses: number[] = [];
    // Alternating, as a load balancer would spread them: one budget of RATE_LIMIT in all.
    for (let i = 0; i < RATE_LIMIT + 4; i++) statuses.push(await read(i % 2 === 0 ? a.origin : b.origin));
    expect(statuses.filter((s) => s === 200)).toHaveLength(RATE_LIMIT);
    expect(statuses.slice(RATE_LIMIT)).toEqual([429, 429, 429, 429]);
    // Both instances refuse now, not only the one that counted last.
    expect([await read(a.origin), await read(b.origin)]).toEqual([429, 429]);
  });

  it('shows on one instance a value imported beside the other, though it had the profile cached', { timeout: 120_000 }, async () => {
    const before = await profile(a.origin);
    expect(await profile(a.origin)).toEqual(before); // cached now
    expect(before!.year).toBeLessThan(2026);

    const file = path.join(dir, 'ken-2026.csv');
    writeFileSync(
      file,
      'STRUCTURE,STRUCTURE_ID,ACTION,FREQ,INDICATOR,REF_AREA,SEX,TIME_PERIOD,OBS_VALUE,OBS_STATUS\n' +
        'dataflow,ITU:ICT_HH(1.0),I,A,IT_USE_ii99,KEN,_T,2026,41.25,E\n',
    );
    // The import runs beside instance B, as an operator runs it on a deployment: its own process, same database.
    const code = await new Promise<number>((resolve) =>
      execFile(
        process.execPath,
        ['--import', 'tsx', 'src/main.ts', 'import', 'sdmx', file, '--source', 'ITU', '--vintage', '2026-11-30'],
        { cwd: projectRoot, env: { ...process.env, DATABASE_URL: t.url, LOG_LEVEL: 'silent' } },
        (error) => resolve(error ? Number(error.code ?? 1) : 0),
      ),
    );
    expect(code).toBe(0);
    expect(await profile(a.origin)).toMatchObject({ year: 2026, value: 41.25 });
    expect(await profile(b.origin)).toMatchObject({ year: 2026, value: 41.25 });
  });
});
