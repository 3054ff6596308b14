/**
 * A harvested catalogue of an organisation with one run on record (a report with an item it
 * could not read), for page tests: what an editor's source page shows after a daily run.
 */
import type { Db } from '../../src/db/database.js';

/** @example const sourceId = await seedHarvestedSource(db, orgId) */
export async function seedHarvestedSource(db: Db, organisationId: string): Promise<string> {
  const ranAt = new Date().toISOString();
  const source = await db
    .insertInto('offering_sources')
    .values({
      organisation_id: organisationId,
      url: 'https://academy.example.org/catalogue.json',
      default_topics: ['cybersecurity'],
      default_audiences: ['public-servants'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const report = {
    sourceId: source.id,
    url: 'https://academy.example.org/catalogue.json',
    ranAt,
    error: null,
    items: 3,
    created: 2,
    updated: 0,
    unchanged: 0,
    archived: 0,
    problems: [{ position: 3, key: 'https://academy.example.org/events/forum', message: '@type Event is not something we list' }],
  };
  await db
    .updateTable('offering_sources')
    .set({ last_run_at: ranAt, last_report: JSON.stringify(report) })
    .where('id', '=', source.id)
    .execute();
  await db
    .insertInto('offering_source_runs')
    .values({ source_id: source.id, ran_at: ranAt, report: JSON.stringify(report) })
    .execute();
  return source.id;
}
