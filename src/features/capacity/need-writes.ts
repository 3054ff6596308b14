/**
 * How needs are written, for every path that writes them (the API, bulk
 * import, demo data): checked fields in, the row with its search document,
 * the lexicon words and a revision of each saved version. Policy and audit
 * are the callers'.
 */
import { needProblems } from '../../core/capacity/plausibility.js';
import type { NeedStatus } from '../../core/capacity/workflow.js';
import type { WriteTx } from '../../db/database.js';
import { rememberWords } from '../../platform/search/index.js';
import { needColumns, needSearchVector, needWords, type NeedFields, type NeedRow } from './need-record.js';
import { presentNeed } from './need-presenters.js';
import * as repo from './need-repository.js';
import { CORPUS } from './offering-writes.js';
import { problemsError } from './service-support.js';
import { insertRevisions } from './shared-repository.js';
import { vocabularyProblems, type Vocabulary } from './vocabulary.js';

export function needFieldProblems(fields: NeedFields, vocab: Vocabulary) {
  return [...needProblems(fields), ...vocabularyProblems(vocab, fields)];
}

export function checkNeed(fields: NeedFields, vocab: Vocabulary, prefix = 'body'): void {
  const problems = needFieldProblems(fields, vocab);
  if (problems.length > 0) throw problemsError(problems, prefix);
}

export interface NewNeedRecord {
  readonly id?: string;
  readonly fields: NeedFields;
  readonly requesterId: string;
  readonly requesterName: string;
  readonly status: NeedStatus;
  readonly statusReason?: string | null;
  readonly unmetReason?: string | null;
  readonly createdBy: string | null;
  readonly demo: boolean;
}

const CHUNK = 200;

async function insertChunk(tx: WriteTx, chunk: readonly NewNeedRecord[], vocab: Vocabulary): Promise<string[]> {
  const ids = await repo.insertNeedRows(
    tx,
    chunk.map((r) => ({
      ...(r.id ? { id: r.id } : {}),
      requester_organisation_id: r.requesterId,
      status: r.status,
      status_reason: r.statusReason ?? null,
      unmet_reason: r.status === 'closed-unmet' ? (r.unmetReason ?? 'other') : null,
      created_by: r.createdBy,
      demo: r.demo,
      ...needColumns(r.fields),
      search_vector: needSearchVector(r.fields, vocab, r.requesterName),
    })),
  );
  await rememberWords(tx, CORPUS, [...new Set(chunk.flatMap((r) => needWords(r.fields)))]);
  return ids;
}

/** Inserts checked needs (200 per statement), keeps their first revision and returns their rows, in order. */
export async function insertNeeds(tx: WriteTx, records: readonly NewNeedRecord[], vocab: Vocabulary): Promise<NeedRow[]> {
  const rows: NeedRow[] = [];
  for (let i = 0; i < records.length; i += CHUNK) {
    const saved = await repo.needsByIds(tx, await insertChunk(tx, records.slice(i, i + CHUNK), vocab));
    await keepRevisions(tx, saved);
    rows.push(...saved);
  }
  return rows;
}

/** Inserts generated demo needs without keeping revisions (see insertGeneratedOfferings). Returns how many. */
export async function insertGeneratedNeeds(tx: WriteTx, records: readonly NewNeedRecord[], vocab: Vocabulary): Promise<number> {
  let count = 0;
  for (let i = 0; i < records.length; i += CHUNK) count += (await insertChunk(tx, records.slice(i, i + CHUNK), vocab)).length;
  return count;
}

export interface NeedChange {
  readonly fields?: NeedFields;
  readonly status?: NeedStatus;
  readonly statusReason?: string | null;
  readonly unmetReason?: string | null;
}

/** Saves a change to `row` if it is still at its version (undefined otherwise) and keeps the new revision. */
export async function changeNeed(tx: WriteTx, row: NeedRow, change: NeedChange, vocab: Vocabulary, changedBy: string | null) {
  const saved = await repo.updateNeed(tx, row.id, row.version, {
    ...(change.fields ? { ...needColumns(change.fields), search_vector: needSearchVector(change.fields, vocab, row.requester_name) } : {}),
    ...(change.status !== undefined ? { status: change.status } : {}),
    ...(change.statusReason !== undefined ? { status_reason: change.statusReason } : {}),
    ...(change.unmetReason !== undefined ? { unmet_reason: change.unmetReason } : {}),
  });
  if (!saved) return undefined;
  if (change.fields) await rememberWords(tx, CORPUS, needWords(change.fields));
  const after = (await repo.findNeed(tx, row.id))!;
  await keepRevisions(tx, [after], changedBy);
  return after;
}

/**
 * Moves a need's status in the caller's transaction and keeps the revision, as every other change
 * does: for the match workflow, whose matches move their need along (match-workflow/need-progress.ts
 * has locked the row and audits the step). False when the need is no longer at `version`.
 */
export async function followNeedStatus(
  tx: WriteTx,
  id: string,
  version: number,
  change: { readonly status: NeedStatus; readonly statusReason: string | null },
  changedBy: string | null,
): Promise<boolean> {
  if (!(await repo.updateNeed(tx, id, version, { status: change.status, status_reason: change.statusReason }))) return false;
  await keepRevisions(tx, [(await repo.findNeed(tx, id))!], changedBy);
  return true;
}

async function keepRevisions(tx: WriteTx, rows: readonly NeedRow[], changedBy?: string | null): Promise<void> {
  await insertRevisions(
    tx,
    rows.map((row) => ({
      type: 'need' as const,
      id: row.id,
      version: row.version,
      snapshot: presentNeed(row),
      changedBy: changedBy === undefined ? row.created_by : changedBy,
    })),
  );
}
