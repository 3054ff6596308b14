/**
 * The fuzz suite: every operation of the OpenAPI document × every role of the
 * access matrix, with requests generated from the document's schemas (valid,
 * boundary, wrong types, huge, Unicode, control characters, injection strings:
 * openapi-arbitraries.ts). A route added later is fuzzed without a change here.
 * Each response must show:
 *   - no 5xx, and no stack trace or internal error name in any body;
 *   - application/problem+json with a matching status on every 4xx;
 *   - a refused write (4xx to POST, PATCH, PUT, DELETE) changed nothing (stateChecksum);
 *   - control characters refused at validation, never by the database (the net's detail);
 *   - public caching only where the answer is the same for an anonymous visitor.
 *
 * Seeded and reproducible: DCP_FUZZ_SEED=<seed> replays the runs (the seed is printed at the end
 * and on failure); DCP_FUZZ_RUNS sets the runs per operation and role on each engine (default 10: 70 runs
 * per operation per engine, 140 over both; the seed differs per run, so CI explores new inputs every time).
 * 10, not 15: at 94 operations the suite was 216 s of a CI run that must stay under 20 minutes on 2 cores.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { UNSTORABLE_TEXT } from '../../src/http/error-handler.js';
import { buildOpenApiDocument } from '../../src/openapi-document.js';
import { testApp } from '../support/app.js';
import { forEachEngine } from '../support/engines.js';
import { ROLES, type Role } from '../support/roles.js';
import { operationsOf, requestFor, type FuzzRequest, type Operation } from './openapi-arbitraries.js';
import { FuzzWorld, stateChecksum } from './world.js';

const RUNS = Number(process.env['DCP_FUZZ_RUNS'] ?? 10);
const SEED = Number(process.env['DCP_FUZZ_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const OPERATIONS = operationsOf(buildOpenApiDocument());
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** A stack frame, a source position or an internal error's name: none may reach a client. */
const INTERNALS =
  /\n\s+at\s|\bat [\w$.<>]+ \(|node_modules|\.tsx?:\d+|\b(?:Type|Reference|Range|Syntax)Error\b|ECONNREFUSED|duplicate key|violates/;

/** A stable seed per operation and role, so one failing cell replays on its own. */
function seedOf(operation: string, role: Role): number {
  let hash = SEED;
  for (const ch of `${operation} ${role}`) hash = (Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0) % 2 ** 31;
  return hash;
}

interface Tally {
  requests: number;
  statuses: Map<number, number>;
  successes: Map<string, number>;
}

forEachEngine('fuzz: every operation × every role', (t) => {
  let app: ReturnType<typeof testApp>;
  let world: FuzzWorld;
  const tally: Tally = { requests: 0, statuses: new Map(), successes: new Map() };
  const started = Date.now();
  const comparedPublic = new Set<string>();

  beforeAll(async () => {
    // Limits relaxed as for a security scan: the fuzz measures input handling, not the throttle, and one
    // address per role keeps the rate-limit counters from costing a database write per request.
    app = testApp(t.db, { DCP_RATE_LIMIT_SCALE: '1000' });
    world = await FuzzWorld.create(t.db);
  });

  afterAll(() => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const statuses = [...tally.statuses]
      .toSorted(([a], [b]) => a - b)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ');
    const unreached = OPERATIONS.filter((op) => !tally.successes.get(op.key)).map((op) => op.key);
    process.stdout.write(
      `[fuzz] ${t.engine.name}: ${OPERATIONS.length} operations × ${ROLES.length} roles × ${RUNS} runs = ${tally.requests} requests in ${seconds} s; seed ${SEED}\n` +
        `[fuzz] ${t.engine.name}: statuses ${statuses}\n` +
        `[fuzz] ${t.engine.name}: operations never answered 2xx: ${unreached.length === 0 ? 'none' : unreached.join(', ')}\n`,
    );
  });

  async function send(operation: Operation, role: Role | 'anonymous', request: FuzzRequest): Promise<{ response: Response; text: string }> {
    const headers: Record<string, string> = { 'X-Forwarded-For': `198.51.100.${ROLES.indexOf(role) + 1}`, ...world.headersOf(role) };
    if (request.contentType) headers['Content-Type'] = request.contentType;
    if (request.accept) headers['Accept'] = request.accept;
    const response = await app.request(request.url, {
      method: operation.method,
      headers,
      ...(request.body === undefined ? {} : { body: request.body }),
    });
    return { response, text: await response.text() };
  }

  /** The rules a response broke (none, normally), each with the request that broke it. */
  async function violations(operation: Operation, role: Role, request: FuzzRequest): Promise<string[]> {
    await world.ensure(role);
    const write = WRITES.has(operation.method);
    const before = write ? await stateChecksum(t.db) : '';
    const { response, text } = await send(operation, role, request);
    const status = response.status;
    world.noteAnswer(operation.method, status);
    tally.requests += 1;
    tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
    if (status < 300) tally.successes.set(operation.key, (tally.successes.get(operation.key) ?? 0) + 1);

    const broken: string[] = [];
    if (status >= 500) broken.push('a server error');
    if (INTERNALS.test(text)) broken.push('internals in the body');
    if (status >= 400 && operation.path.startsWith('/api/')) {
      if (!(response.headers.get('content-type') ?? '').includes('application/problem+json')) broken.push('a 4xx that is not problem+json');
      else {
        const problem = JSON.parse(text) as { status?: number; code?: unknown; detail?: string };
        if (problem.status !== status || typeof problem.code !== 'string') broken.push('a problem without its status and code');
        if (problem.detail === UNSTORABLE_TEXT) broken.push('text refused by the database, not by validation');
      }
    }
    if (write && status >= 400 && (await stateChecksum(t.db)) !== before) broken.push('a refused write that changed something');
    // Once per operation and role (it doubles the request): a public answer must be the anonymous one.
    const caching = response.headers.get('cache-control') ?? '';
    const cell = `${operation.key} ${role}`;
    if (role !== 'anonymous' && status === 200 && caching.startsWith('public') && !comparedPublic.has(cell)) {
      comparedPublic.add(cell);
      if ((await send(operation, 'anonymous', request)).text !== text) broken.push('public caching of an answer that depends on who asks');
    }
    const where = `${operation.key} as ${role}: ${JSON.stringify(request).slice(0, 600)} → ${status} ${text.slice(0, 300)}`;
    return broken.map((rule) => `${rule}: ${where}`);
  }

  for (const operation of OPERATIONS) {
    it(
      `${operation.key}: ${RUNS} runs per role, no server error, nothing changed by a refusal`,
      { timeout: 180_000 * Math.max(1, RUNS / 30) },
      async () => {
        const failures: string[] = [];
        for (const role of ROLES) {
          const result = await fc.check(
            fc.asyncProperty(requestFor(operation, world.pool), async (request) => {
              const broken = await violations(operation, role, request);
              if (broken.length > 0) throw new Error(broken.join('\n'));
            }),
            { seed: seedOf(operation.key, role), numRuns: RUNS, endOnFailure: true },
          );
          if (result.failed) {
            const error = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
            failures.push(
              `${operation.key} as ${role} (replay: DCP_FUZZ_SEED=${SEED} DCP_FUZZ_RUNS=${RUNS}; cell seed ${result.seed}, path ${result.counterexamplePath}):\n${error}`,
            );
          }
        }
        expect(failures).toEqual([]);
      },
    );
  }
});
