/** Reads and writes of the audit_log table. Writes take the caller's transaction. */
import type { Db, WriteTx } from '../../db/database.js';
import type { AuditLogTable } from '../../db/schema.js';
import type { Insertable, Selectable } from 'kysely';

export type AuditRow = Selectable<AuditLogTable>;

export async function insertEntry(tx: WriteTx | Db, row: Insertable<AuditLogTable>): Promise<void> {
  await tx.insertInto('audit_log').values(row).execute();
}

/** 11 columns a row: 5,000 rows stay well under PostgreSQL's 65,535 parameters per statement. */
const ROWS_PER_STATEMENT = 5000;

/** Many entries in as few statements as the parameter limit allows (a bulk import's records). */
export async function insertEntries(tx: WriteTx | Db, rows: readonly Insertable<AuditLogTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await tx
      .insertInto('audit_log')
      .values(rows.slice(i, i + ROWS_PER_STATEMENT))
      .execute();
  }
}

export interface AuditFilter {
  readonly actorId?: string | undefined;
  readonly action?: string | undefined;
  readonly resourceType?: string | undefined;
  readonly resourceId?: string | undefined;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
  /** Only entries older than this id (keyset pagination, newest first). */
  readonly beforeId?: number | undefined;
  readonly limit: number;
}

/** Entries newest first, filtered. */
export async function listEntries(db: Db, filter: AuditFilter): Promise<AuditRow[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.resourceType) query = query.where('resource_type', '=', filter.resourceType);
  if (filter.resourceId) query = query.where('resource_id', '=', filter.resourceId);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<', filter.to);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  return query.execute();
}

/** Every entry a person made or that is about them, oldest first (for their data export). */
export async function entriesAbout(db: Db, userId: string): Promise<AuditRow[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) => eb.or([eb('actor_id', '=', userId), eb('subject_id', '=', userId)]))
    .orderBy('id')
    .execute();
}
