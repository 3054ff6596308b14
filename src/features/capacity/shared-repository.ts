/**
 * Storage shared by offerings and needs: their revisions, and the one read of
 * the organisations feature's table this feature makes — an organisation's
 * name, shown with every offering and need and written into the search
 * document. Asking the organisations service row by row would cost one query
 * per record in every list; the joins in offering-repository.ts and
 * need-repository.ts read the same column for the same reason.
 */
import type { Db, WriteTx } from '../../db/database.js';

type Reader = Db | WriteTx;

export async function organisationName(db: Reader, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name;
}

export type RecordType = 'offering' | 'need';

export interface Revision {
  readonly type: RecordType;
  readonly id: string;
  readonly version: number;
  readonly snapshot: object;
  readonly changedBy: string | null;
}

/** Keeps records as they were saved at their versions, for 409 answers and history (one statement). */
export async function insertRevisions(tx: WriteTx, revisions: readonly Revision[]): Promise<void> {
  if (revisions.length === 0) return;
  await tx
    .insertInto('capacity_revisions')
    .values(
      revisions.map((r) => ({
        record_type: r.type,
        record_id: r.id,
        version: r.version,
        snapshot: JSON.stringify(r.snapshot),
        changed_by: r.changedBy,
      })),
    )
    .execute();
}

export async function findRevision(
  db: Reader,
  type: RecordType,
  id: string,
  version: number,
): Promise<Record<string, unknown> | undefined> {
  const row = await db
    .selectFrom('capacity_revisions')
    .select('snapshot')
    .where('record_type', '=', type)
    .where('record_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return row?.snapshot;
}
