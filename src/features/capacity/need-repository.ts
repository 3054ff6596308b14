/**
 * Reads and writes of the needs table. Reads join `organisations` for the
 * requester's name (see shared-repository.ts for why); writes take the
 * caller's transaction.
 */
import { sql, type Insertable, type RawBuilder, type UpdateObject } from 'kysely';
import type { Db, WriteTx } from '../../db/database.js';
import type { Database, NeedsTable } from '../../db/schema.js';
import type { NeedRow } from './need-record.js';

type Reader = Db | WriteTx;

function withRequester(db: Reader) {
  return db
    .selectFrom('needs')
    .innerJoin('organisations', 'organisations.id', 'needs.requester_organisation_id')
    .select([
      'needs.id',
      'needs.requester_organisation_id',
      'needs.country_iso3',
      'needs.status',
      'needs.status_reason',
      'needs.unmet_reason',
      'needs.visibility',
      'needs.language',
      'needs.title',
      'needs.description',
      'needs.topics',
      'needs.digcomp',
      'needs.esco',
      'needs.audiences',
      'needs.target_groups',
      'needs.people_count',
      'needs.level',
      'needs.languages',
      'needs.preferred_modality',
      'needs.start_date',
      'needs.end_date',
      'needs.budget_amount',
      'needs.budget_currency',
      'needs.urgency',
      'needs.evidence_url',
      'needs.evidence_note',
      'needs.demo',
      'needs.version',
      'needs.created_by',
      'needs.created_at',
      'needs.updated_at',
      'needs.listed_at',
      'organisations.name as requester_name',
    ]);
}

export async function findNeed(db: Reader, id: string): Promise<NeedRow | undefined> {
  return withRequester(db).where('needs.id', '=', id).executeTakeFirst();
}

export async function lockNeed(tx: WriteTx, id: string): Promise<NeedRow | undefined> {
  const locked = await tx.selectFrom('needs').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return locked ? findNeed(tx, id) : undefined;
}

export async function needsByIds(db: Reader, ids: readonly string[]): Promise<NeedRow[]> {
  if (ids.length === 0) return [];
  const rows = await withRequester(db).where('needs.id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function listNeeds(db: Reader, where: RawBuilder<unknown>, limit: number): Promise<NeedRow[]> {
  return withRequester(db)
    .where(sql<boolean>`${where}`)
    .orderBy('needs.listed_at', 'desc')
    .orderBy('needs.id', 'desc')
    .limit(limit)
    .execute();
}

export async function insertNeedRows(tx: WriteTx, values: Insertable<NeedsTable>[]): Promise<string[]> {
  if (values.length === 0) return [];
  const rows = await tx.insertInto('needs').values(values).returning('id').execute();
  return rows.map((r) => r.id);
}

export async function updateNeed(tx: WriteTx, id: string, version: number, values: UpdateObject<Database, 'needs'>): Promise<boolean> {
  const result = await tx
    .updateTable('needs')
    .set({ ...values, version: version + 1, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
