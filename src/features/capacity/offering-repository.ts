/**
 * Reads and writes of the offerings table. Reads join `organisations` for the
 * provider's name (see shared-repository.ts for why); writes take the
 * caller's transaction and store the search document built by the service.
 */
import { sql, type Insertable, type RawBuilder, type UpdateObject } from 'kysely';
import type { Db, WriteTx } from '../../db/database.js';
import type { Database, OfferingsTable } from '../../db/schema.js';
import type { OfferingRow } from './offering-record.js';

type Reader = Db | WriteTx;

function withProvider(db: Reader) {
  return db
    .selectFrom('offerings')
    .innerJoin('organisations', 'organisations.id', 'offerings.provider_organisation_id')
    .select([
      'offerings.id',
      'offerings.provider_organisation_id',
      'offerings.kind',
      'offerings.status',
      'offerings.status_reason',
      'offerings.language',
      'offerings.title',
      'offerings.summary',
      'offerings.description',
      'offerings.translations',
      'offerings.topics',
      'offerings.digcomp',
      'offerings.esco',
      'offerings.audiences',
      'offerings.target_groups',
      'offerings.levels',
      'offerings.modality',
      'offerings.bandwidth',
      'offerings.languages',
      'offerings.eligible_countries',
      'offerings.eligible_groups',
      'offerings.cost_amount',
      'offerings.cost_currency',
      'offerings.waivers',
      'offerings.duration_hours',
      'offerings.start_date',
      'offerings.end_date',
      'offerings.rolling',
      'offerings.seats',
      'offerings.certification',
      'offerings.accessibility',
      'offerings.sdgs',
      'offerings.url',
      'offerings.contact_email',
      'offerings.pledge_amount',
      'offerings.pledge_currency',
      'offerings.pledge_in_kind',
      'offerings.umc_dimension',
      'offerings.demo',
      'offerings.version',
      'offerings.created_by',
      'offerings.created_at',
      'offerings.updated_at',
      'offerings.listed_at',
      'offerings.published_at',
      'offerings.last_reviewed_at',
      'offerings.url_broken_since',
      'organisations.name as provider_name',
    ]);
}

export async function findOffering(db: Reader, id: string): Promise<OfferingRow | undefined> {
  return withProvider(db).where('offerings.id', '=', id).executeTakeFirst();
}

/** The row, locked until the transaction ends, so that edits and transitions run one at a time. */
export async function lockOffering(tx: WriteTx, id: string): Promise<OfferingRow | undefined> {
  const locked = await tx.selectFrom('offerings').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return locked ? findOffering(tx, id) : undefined;
}

/** Offerings by id, in the order of `ids`. */
export async function offeringsByIds(db: Reader, ids: readonly string[]): Promise<OfferingRow[]> {
  if (ids.length === 0) return [];
  const rows = await withProvider(db).where('offerings.id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Offerings matching `where` (over the offerings table), newest first, for exports and the matching engine. */
export async function listOfferings(db: Reader, where: RawBuilder<unknown>, limit: number): Promise<OfferingRow[]> {
  return withProvider(db)
    .where(sql<boolean>`${where}`)
    .orderBy('offerings.listed_at', 'desc')
    .orderBy('offerings.id', 'desc')
    .limit(limit)
    .execute();
}

export async function insertOffering(tx: WriteTx, values: Insertable<OfferingsTable>): Promise<string> {
  const row = await tx.insertInto('offerings').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Updates the row if it is still at `version`; false when someone saved in between. */
export async function updateOffering(
  tx: WriteTx,
  id: string,
  version: number,
  values: UpdateObject<Database, 'offerings'>,
): Promise<boolean> {
  const result = await tx
    .updateTable('offerings')
    .set({ ...values, version: version + 1, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
