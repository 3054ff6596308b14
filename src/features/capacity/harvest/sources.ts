/**
 * A provider's harvested catalogues (issue 10): its editors (and owners, and admins — the policy
 * decides, as for creating an offering of that provider) register a catalogue's URL and format,
 * see their sources with the last runs' reports, change the URL, format or default topics and
 * audiences, and remove a source. Removing stops the harvest; the offerings it brought stay, with
 * their status, no longer tied to it. Every change is audited.
 */
import { type Actor, userIdOf } from '../../../core/policy/actor.js';
import type { Db } from '../../../db/database.js';
import { AppError } from '../../../http/app-error.js';
import { authorise } from '../../../http/authorise.js';
import { recordAudit } from '../../audit/index.js';
import { organisationName } from '../shared-repository.js';
import { vocabulary } from '../vocabulary.js';
import type { HarvestReport } from './harvest.js';
import type { SourceFormat } from './read-catalogue.js';

export interface OfferingSource {
  readonly id: string;
  readonly organisationId: string;
  readonly url: string;
  readonly format: SourceFormat;
  readonly defaultTopics: string[];
  readonly defaultAudiences: string[];
  readonly lastRunAt: string | null;
  readonly lastReport: HarvestReport | null;
}

export interface SourceInput {
  readonly providerOrganisationId: string;
  readonly url: string;
  /** json-ld unless given (the API's first callers registered JSON-LD or named CSV by its extension). */
  readonly format?: SourceFormat | undefined;
  readonly defaultTopics: readonly string[];
  readonly defaultAudiences: readonly string[];
}

export type SourceChange = Omit<SourceInput, 'providerOrganisationId'>;

/** How many runs of a source are kept (and shown). */
export const KEPT_RUNS = 10;

export const sourceRow = (db: Db, id: string) => db.selectFrom('offering_sources').selectAll().where('id', '=', id).executeTakeFirst();
type SourceRow = NonNullable<Awaited<ReturnType<typeof sourceRow>>>;

const mayRun = (actor: Actor, organisationId: string) =>
  authorise(actor, 'create', { type: 'offering', ownerOrganisationId: organisationId, status: 'draft' });

function presentSource(row: SourceRow): OfferingSource {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    url: row.url,
    format: row.format,
    defaultTopics: row.default_topics,
    defaultAudiences: row.default_audiences,
    lastRunAt: row.last_run_at ? new Date(row.last_run_at).toISOString() : null,
    lastReport: (row.last_report as unknown as HarvestReport | null) ?? null,
  };
}

async function checkTopics(db: Db, topics: readonly string[]): Promise<void> {
  const vocab = await vocabulary(db);
  const unknown = topics.filter((t) => !vocab.topics.has(t));
  if (unknown.length > 0)
    throw new AppError('validation-failed', `body.defaultTopics: not topics: ${unknown.join(', ')}`, [
      { field: 'body.defaultTopics', message: `not topics: ${unknown.join(', ')}` },
    ]);
}

const TAKEN = (url: string) =>
  new AppError('conflict', `This organisation harvests ${url} already`, [{ field: 'body.url', message: 'registered already' }]);

/** A provider's editor registers the catalogue URL; the next run (daily, or now) harvests it. */
export async function registerSource(db: Db, actor: Actor, input: SourceInput): Promise<OfferingSource> {
  mayRun(actor, input.providerOrganisationId);
  if (!(await organisationName(db, input.providerOrganisationId)))
    throw new AppError('validation-failed', 'body.providerOrganisationId: no such organisation', [
      { field: 'body.providerOrganisationId', message: 'no such organisation' },
    ]);
  await checkTopics(db, input.defaultTopics);
  const format = input.format ?? 'json-ld';
  const row = await db
    .insertInto('offering_sources')
    .values({
      organisation_id: input.providerOrganisationId,
      url: input.url,
      format,
      default_topics: [...input.defaultTopics],
      default_audiences: [...input.defaultAudiences],
      created_by: userIdOf(actor),
    })
    .onConflict((c) =>
      c
        .constraint('offering_sources_url')
        .doUpdateSet({ format, default_topics: [...input.defaultTopics], default_audiences: [...input.defaultAudiences], active: true }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(db, {
    actor,
    action: 'offering-source.register',
    resourceType: 'organisation',
    resourceId: row.organisation_id,
    after: { source: row.id, url: row.url, format: row.format },
  });
  return presentSource(row);
}

/** The sources of an organisation, with each one's last report (for its editors). */
export async function listSources(db: Db, actor: Actor, organisationId: string): Promise<OfferingSource[]> {
  mayRun(actor, organisationId);
  const rows = await db
    .selectFrom('offering_sources')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(presentSource);
}

async function ownSource(db: Db, actor: Actor, id: string): Promise<SourceRow> {
  const row = await sourceRow(db, id);
  if (!row) throw new AppError('not-found', `No offering source with id "${id}"`);
  mayRun(actor, row.organisation_id);
  return row;
}

/** The source if `actor` may run it (its organisation's editors, admins); 404 otherwise. */
export async function sourceFor(db: Db, actor: Actor, id: string): Promise<OfferingSource> {
  return presentSource(await ownSource(db, actor, id));
}

/** The last runs of a source, newest first, each with its report. */
export async function sourceRuns(db: Db, actor: Actor, id: string): Promise<HarvestReport[]> {
  await ownSource(db, actor, id);
  const rows = await db
    .selectFrom('offering_source_runs')
    .select('report')
    .where('source_id', '=', id)
    .orderBy('ran_at', 'desc')
    .limit(KEPT_RUNS)
    .execute();
  return rows.map((r) => r.report as unknown as HarvestReport);
}

/** Changes a source's URL, format or defaults; the next run reads the new address. */
export async function changeSource(db: Db, actor: Actor, id: string, change: SourceChange): Promise<OfferingSource> {
  const before = await ownSource(db, actor, id);
  await checkTopics(db, change.defaultTopics);
  const clash = await db
    .selectFrom('offering_sources')
    .select('id')
    .where('organisation_id', '=', before.organisation_id)
    .where('url', '=', change.url)
    .where('id', '!=', id)
    .executeTakeFirst();
  if (clash) throw TAKEN(change.url);
  const row = await db
    .updateTable('offering_sources')
    .set({
      url: change.url,
      format: change.format ?? before.format,
      default_topics: [...change.defaultTopics],
      default_audiences: [...change.defaultAudiences],
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(db, {
    actor,
    action: 'offering-source.change',
    resourceType: 'organisation',
    resourceId: row.organisation_id,
    before: { source: id, url: before.url, format: before.format, defaultTopics: before.default_topics },
    after: { source: id, url: row.url, format: row.format, defaultTopics: row.default_topics },
  });
  return presentSource(row);
}

/** Removes a source and its runs; the offerings it brought stay, no longer harvested. */
export async function removeSource(db: Db, actor: Actor, id: string): Promise<void> {
  const row = await ownSource(db, actor, id);
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('offering_sources').where('id', '=', id).execute();
    await recordAudit(tx, {
      actor,
      action: 'offering-source.remove',
      resourceType: 'organisation',
      resourceId: row.organisation_id,
      before: { source: id, url: row.url, format: row.format },
    });
  });
}
