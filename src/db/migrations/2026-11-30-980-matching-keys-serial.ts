/**
 * The matching candidate query's key lookup runs in one process, without parallel workers (issue 11,
 * matching at 100,000 offerings on 2 cores).
 *
 * That query looks up an offering's combined keys (migration 960) with up to a hundred keys;
 * PostgreSQL guesses the rows from the keys' statistics and, for common topics, guesses ten times
 * too many (29,175 for 2,339 found), so it plans a parallel bitmap heap scan. On the 100,000-offering
 * development database (PostgreSQL 15), EXPLAIN ANALYZE of the slowest of the benchmark's 40 needs:
 * the Gather took 10.2 ms where the same scan without workers took 5.2 ms — starting two workers and
 * passing 2,339 rows back costs more than it saves when the client, the server and the workers
 * share two cores. Over the 40 needs, the statement's server time: mean 5.9 → 5.5 ms, p95
 * 16.9 → 10.9 ms; for that need, the statement as the client waits for it, mean 36.5 → 27.8 ms.
 *
 * Why the function and not the table: a function PARALLEL RESTRICTED runs in the leader only, so a
 * scan whose condition calls it is never split among workers — and only the matching lookup calls
 * this one. Whole-table aggregates over `offerings` (the insights' supply per topic) do gain from
 * workers (EXPLAIN ANALYZE, three runs each: 105–263 ms with two workers, 206–278 ms without), so
 * `parallel_workers = 0` on the table would have cost them. The catalogue's search statements never
 * chose a parallel plan at 100,000 offerings. The function's result is unchanged; only where it may run.
 */
import { sql, type Kysely } from 'kysely';

const SIGNATURE = sql`offering_matching_keys(text[], text[], text[], text[], text[])`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter function ${SIGNATURE} parallel restricted`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter function ${SIGNATURE} parallel safe`.execute(db);
}
