/**
 * How offerings are written, for every path that writes them (the API, bulk
 * import, demo data): checked fields in, the row with its search document,
 * the lexicon words, and a revision of each saved version out — all in the
 * caller's transaction. Policy and audit are the callers' (the services).
 */
import { offeringProblems } from '../../core/capacity/plausibility.js';
import type { OfferingStatus } from '../../core/capacity/workflow.js';
import type { WriteTx } from '../../db/database.js';
import { rememberWords } from '../../platform/search/index.js';
import { sql } from 'kysely';
import { offeringColumns, offeringSearchVector, offeringWords, type OfferingFields, type OfferingRow } from './offering-record.js';
import { presentOffering } from './offering-presenters.js';
import * as repo from './offering-repository.js';
import { problemsError } from './service-support.js';
import { insertRevisions as insertRevisionRows } from './shared-repository.js';
import { vocabularyProblems, type Vocabulary } from './vocabulary.js';

/** The search corpus of offerings and needs in the lexicon. */
export const CORPUS = 'capacity';

/** Every problem with an offering's fields: how they fit together and whether their codes exist. */
export function offeringFieldProblems(fields: OfferingFields, vocab: Vocabulary) {
  return [...offeringProblems(fields), ...vocabularyProblems(vocab, fields)];
}

/** Throws `validation-failed` naming `<prefix>.<field>` for the first and every problem. */
export function checkOffering(fields: OfferingFields, vocab: Vocabulary, prefix = 'body'): void {
  const problems = offeringFieldProblems(fields, vocab);
  if (problems.length > 0) throw problemsError(problems, prefix);
}

export interface NewOfferingRecord {
  readonly id?: string;
  readonly fields: OfferingFields;
  readonly providerId: string;
  readonly providerName: string;
  readonly status: OfferingStatus;
  readonly statusReason?: string | null;
  readonly createdBy: string | null;
  readonly demo: boolean;
}

const CHUNK = 200;

/** Inserts one chunk of checked offerings with their search documents and lexicon words; returns their ids. */
async function insertChunk(tx: WriteTx, chunk: readonly NewOfferingRecord[], vocab: Vocabulary): Promise<string[]> {
  const inserted = await tx
    .insertInto('offerings')
    .values(
      chunk.map((r) => ({
        ...(r.id ? { id: r.id } : {}),
        provider_organisation_id: r.providerId,
        status: r.status,
        status_reason: r.statusReason ?? null,
        created_by: r.createdBy,
        demo: r.demo,
        published_at: r.status === 'published' || r.status === 'archived' ? sql<Date>`now()` : null,
        ...offeringColumns(r.fields),
        search_vector: offeringSearchVector(r.fields, vocab, r.providerName),
      })),
    )
    .returning('id')
    .execute();
  await rememberWords(tx, CORPUS, [...new Set(chunk.flatMap((r) => offeringWords(r.fields)))]);
  return inserted.map((r) => r.id);
}

/**
 * Inserts checked offerings (200 per statement), keeps their first revision and returns their rows, in order.
 * @example const [row] = await insertOfferings(tx, [{ fields, providerId, providerName, status: 'draft', createdBy, demo: false }], vocab)
 */
export async function insertOfferings(tx: WriteTx, records: readonly NewOfferingRecord[], vocab: Vocabulary): Promise<OfferingRow[]> {
  const rows: OfferingRow[] = [];
  for (let i = 0; i < records.length; i += CHUNK) {
    const saved = await repo.offeringsByIds(tx, await insertChunk(tx, records.slice(i, i + CHUNK), vocab));
    await insertRevisions(tx, saved);
    rows.push(...saved);
  }
  return rows;
}

/**
 * Inserts generated demo offerings without keeping revisions (their first version is the seed's to
 * make again; a stale edit of one is still refused, only without the list of changes). Returns how many.
 */
export async function insertGeneratedOfferings(tx: WriteTx, records: readonly NewOfferingRecord[], vocab: Vocabulary): Promise<number> {
  let count = 0;
  for (let i = 0; i < records.length; i += CHUNK) count += (await insertChunk(tx, records.slice(i, i + CHUNK), vocab)).length;
  return count;
}

export interface OfferingChange {
  readonly fields?: OfferingFields;
  readonly status?: OfferingStatus;
  readonly statusReason?: string | null;
  /** The provider confirmed the content (an edit) or a coordinator approved it (publish). */
  readonly reviewed?: boolean;
}

/**
 * Saves a change to `row` if it is still at its version (false otherwise) and keeps the new revision.
 * Publishing for the first time lists the offering anew (listed_at, published_at).
 */
export async function changeOffering(
  tx: WriteTx,
  row: OfferingRow,
  change: OfferingChange,
  vocab: Vocabulary,
  changedBy: string | null,
): Promise<OfferingRow | undefined> {
  const firstPublication = change.status === 'published' && row.published_at === null;
  const saved = await repo.updateOffering(tx, row.id, row.version, {
    ...(change.fields
      ? { ...offeringColumns(change.fields), search_vector: offeringSearchVector(change.fields, vocab, row.provider_name) }
      : {}),
    ...(change.status !== undefined ? { status: change.status } : {}),
    ...(change.statusReason !== undefined ? { status_reason: change.statusReason } : {}),
    ...(change.reviewed ? { last_reviewed_at: sql<Date>`now()` } : {}),
    ...(firstPublication ? { published_at: sql<Date>`now()`, listed_at: sql<Date>`now()` } : {}),
  });
  if (!saved) return undefined;
  if (change.fields) await rememberWords(tx, CORPUS, offeringWords(change.fields));
  const after = (await repo.findOffering(tx, row.id))!;
  await insertRevisions(tx, [after], changedBy);
  return after;
}

async function insertRevisions(tx: WriteTx, rows: readonly OfferingRow[], changedBy?: string | null): Promise<void> {
  await insertRevisionRows(
    tx,
    rows.map((row) => ({
      type: 'offering' as const,
      id: row.id,
      version: row.version,
      snapshot: presentOffering(row),
      changedBy: changedBy === undefined ? row.created_by : changedBy,
    })),
  );
}
