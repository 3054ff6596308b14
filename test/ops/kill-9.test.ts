/**
 * kill -9 of the app at the worst moment, several times, on both engines:
 * - during writes (organisations being founded through the API by several clients at once):
 *   every write that was answered 2xx is in the database afterwards;
 * - during an import (`dcp import indicators`, killed while it holds the import lock):
 *   nothing of it is left — no half import — and the next import completes.
 */
import { spawn } from 'node:child_process';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { createUser } from '../support/auth.js';
import { forEachEngine } from '../support/engines.js';
import { loadConfig, projectRoot } from '../../src/config/config.js';
import type { Db } from '../../src/db/database.js';
import { request, report } from './http.js';
import { startProcess, waitUntil } from './processes.js';

const RUNS = 3;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startApp(url: string) {
  return startProcess(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: url, PORT: '0', LOG_LEVEL: 'info', DCP_TRUST_PROXY: 'true' },
  });
}

async function importCounts(db: Db) {
  const { rows } = await sql<{ observations: number; aggregates: number; runs: number; revisions: number }>`
    select (select count(*)::int from observations) as observations, (select count(*)::int from aggregates) as aggregates,
           (select count(*)::int from import_runs) as runs, (select count(*)::int from observation_revisions) as revisions`.execute(db);
  return rows[0]!;
}

async function importLockHeld(db: Db): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from pg_locks l join pg_database d on d.oid = l.database
    where l.locktype = 'advisory' and l.granted and d.datname = current_database()`.execute(db);
  return rows[0]!.n > 0;
}

forEachEngine('kill -9 of the app', (t) => {
  it('loses no write that was confirmed, when killed while organisations are being founded', { timeout: 240_000 }, async () => {
    const user = await createUser(t.db, { displayName: 'Founder' });
    let confirmed = 0;
    let lost = 0;
    let unanswered = 0;
    for (let run = 1; run <= RUNS; run++) {
      const app = await startApp(t.url);
      const signIn = await request(`${app.origin}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `198.51.100.${run}` },
        body: JSON.stringify({ email: user.email, password: user.password }),
      });
      expect(signIn.status).toBe(200);
      const { csrfToken } = JSON.parse(signIn.body) as { csrfToken: string };
      const cookie = /dcp_session=[^;]+/.exec(String(signIn.headers['set-cookie']))![0];
      const prefix = `kill9 ${t.engine.name} run ${run}`;
      const answered: string[] = [];
      const state = { killed: false };
      const client = async (worker: number) => {
        for (let i = 0; !state.killed; i++) {
          const name = `${prefix} client ${worker} write ${i}`;
          const outcome = await request(`${app.origin}/api/v1/organisations`, {
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              Cookie: cookie,
              'X-CSRF-Token': csrfToken,
              'X-Forwarded-For': `198.51.100.${run}`,
            },
            body: JSON.stringify({ name, kind: 'academia', country: 'KEN' }),
          });
          if (outcome.status === 201) answered.push(name);
          else if (typeof outcome.status === 'number') throw new Error(`write refused: ${outcome.status} ${outcome.body}`);
          else unanswered++;
        }
      };
      const clients = Array.from({ length: 6 }, (_, w) => client(w));
      // Kill while writes flow: once some are confirmed, at a random moment.
      await waitUntil(() => answered.length >= 5, 30_000);
      await sleep(Math.random() * 400);
      process.kill(-app.child.pid!, 'SIGKILL');
      state.killed = true;
      await app.exited();
      await Promise.all(clients);

      const stored = new Set(
        (await t.db.selectFrom('organisations').select('name').where('name', 'like', `${prefix} %`).execute()).map((r) => r.name),
      );
      const missing = answered.filter((name) => !stored.has(name));
      confirmed += answered.length;
      lost += missing.length;
      expect(missing).toEqual([]);
    }
    report(`kill -9 during writes [${t.engine.name}]`, {
      runs: RUNS,
      'writes confirmed': confirmed,
      'writes lost': lost,
      'requests cut off': unanswered,
    });
    expect(confirmed).toBeGreaterThan(RUNS * 5);
  });

  it('leaves no half import when killed during one, and the next import completes', { timeout: 300_000 }, async () => {
    const dataDir = loadConfig({}).dataDir!;
    // Start from a database without indicator data, so that a half import would show.
    await sql`truncate observations, observation_revisions, aggregates, published_aggregates`.execute(t.db);
    const before = await importCounts(t.db);
    const waits: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const importer = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'import', 'indicators', '--data-dir', dataDir], {
        cwd: projectRoot,
        env: { ...process.env, DATABASE_URL: t.url, LOG_LEVEL: 'silent' },
        stdio: 'ignore',
        detached: true,
      });
      const exited = new Promise((resolve) => importer.once('exit', resolve));
      // The import is inside its transaction once it holds the lock; kill at a random moment after.
      expect(await waitUntil(() => importLockHeld(t.db), 60_000)).toBe(true);
      const delay = Math.round(Math.random() * 1500);
      await sleep(delay);
      process.kill(-importer.pid!, 'SIGKILL');
      await exited;
      // The server ends the dead client's transaction (rolled back) when it notices.
      const start = performance.now();
      expect(await waitUntil(async () => !(await importLockHeld(t.db)), 60_000)).toBe(true);
      waits.push(Math.round(performance.now() - start));
      expect(await importCounts(t.db)).toEqual(before);
    }
    const completed = await new Promise<number>((resolve) =>
      spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'import', 'indicators', '--data-dir', dataDir], {
        cwd: projectRoot,
        env: { ...process.env, DATABASE_URL: t.url, LOG_LEVEL: 'silent' },
        stdio: 'ignore',
      }).once('exit', (code) => resolve(code ?? -1)),
    );
    expect(completed).toBe(0);
    const after = await importCounts(t.db);
    expect(after.runs).toBe(before.runs + 1);
    expect(after.observations).toBeGreaterThan(40_000);
    expect(after.aggregates).toBeGreaterThan(5_000);
    report(`kill -9 during an import [${t.engine.name}]`, {
      runs: RUNS,
      'half imports left': 0,
      'ms until the server rolled back (max)': Math.max(...waits),
      'observations after the next import': after.observations,
    });
  });
});
