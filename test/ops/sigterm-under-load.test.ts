/**
 * SIGTERM while requests are in flight, several times, on both engines: every
 * request the app had accepted is answered in full (200), new connections are
 * refused, and the process exits 0.
 */
import { expect, it } from 'vitest';
import { forEachEngine } from '../support/engines.js';
import { projectRoot } from '../../src/config/config.js';
import { request, report, type Outcome } from './http.js';
import { startProcess } from './processes.js';

const RUNS = 3;
const CONCURRENT = 16;

forEachEngine('SIGTERM under load', (t) => {
  it('finishes the requests in flight, refuses new ones and exits 0', { timeout: 180_000 }, async () => {
    const countries = (await t.db.selectFrom('countries').select('iso3').orderBy('iso3').execute()).map((c) => c.iso3);
    let inFlightTotal = 0;
    let answered = 0;
    for (let run = 0; run < RUNS; run++) {
      const app = await startProcess(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
        cwd: projectRoot,
        env: { ...process.env, DATABASE_URL: t.url, PORT: '0', LOG_LEVEL: 'info', DCP_API_RATE_LIMIT: '100000' },
      });
      // Profiles of countries not yet asked for: each is computed, so they take a while together.
      const batch = countries.slice(run * CONCURRENT, (run + 1) * CONCURRENT);
      const outcomes: Outcome[] = [];
      const requests = batch.map((iso3) =>
        request(`${app.origin}/api/v1/countries/${iso3}/profile`).then((outcome) => (outcomes.push(outcome), outcome)),
      );
      await new Promise((resolve) => setTimeout(resolve, 40));
      const signalled = performance.now();
      app.child.kill('SIGTERM');
      const all = await Promise.all(requests);
      const inFlight = all.filter((o) => o.ended > signalled).length;
      inFlightTotal += inFlight;
      answered += all.length;
      expect(all.map((o) => o.status)).toEqual(batch.map(() => 200));
      expect(all.every((o) => JSON.parse(o.body).indicators.length > 0)).toBe(true);
      expect(await app.exited()).toBe(0);
      expect((await request(`${app.origin}/healthz`, { timeoutMs: 2000 })).status).toBe('ECONNREFUSED');
    }
    report(`SIGTERM under load [${t.engine.name}]`, {
      runs: RUNS,
      'requests answered 200': answered,
      'of which in flight at SIGTERM': inFlightTotal,
      failed: 0,
    });
    expect(inFlightTotal).toBeGreaterThan(0);
  });
});
