/**
 * Bulk import and export of needs, as offering-transfer.ts does for offerings:
 * every record checked first, then one transaction under an advisory lock;
 * ids update the organisation's own needs; people import open needs only.
 */
import { userIdOf } from '../../core/policy/actor.js';
import { sql, type RawBuilder } from 'kysely';
import type { NeedStatus } from '../../core/capacity/workflow.js';
import type { Db } from '../../db/database.js';
import { lockForTransaction } from '../../db/locks.js';
import type { FormatProblem } from '../../formats/csv/format-error.js';
import { AppError } from '../../http/app-error.js';
import { authorise } from '../../http/authorise.js';
import { recordAudit, recordAudits } from '../audit/index.js';
import { NEED_COLUMNS, NEED_EXPORT_ONLY, NEED_REQUIRED, toCsv } from './csv-template.js';
import { domainProblems, ImportProblems, parseImportFile, zodProblems, type ImportFile } from './import-file.js';
import { completeNeed, type NeedFields, type NeedRow } from './need-record.js';
import * as repo from './need-repository.js';
import { presentNeed } from './need-presenters.js';
import { NeedImportItemSchema, type Need } from './need-schemas.js';
import { changeNeed, insertNeeds, needFieldProblems, type NewNeedRecord } from './need-writes.js';
import { EXPORT_LIMIT, type Importer, type ImportSummary } from './offering-transfer.js';
import { organisationName } from './shared-repository.js';
import { vocabulary } from './vocabulary.js';

interface Checked {
  readonly id: string | undefined;
  readonly status: NeedStatus | undefined;
  readonly statusReason: string | null;
  readonly unmetReason: string | null;
  readonly fields: NeedFields;
  readonly locate: (path: readonly (string | number)[], message: string) => FormatProblem;
}

/**
 * @example await importNeeds(db, { actor: SYSTEM }, organisationId, { name: 'needs.json', text })
 */
export async function importNeeds(db: Db, importer: Importer, organisationId: string, file: ImportFile): Promise<ImportSummary> {
  const { actor } = importer;
  if (actor.kind !== 'system')
    authorise(actor, 'create', { type: 'need', ownerOrganisationId: organisationId, status: 'open', visibility: 'public' });
  const requesterName = await organisationName(db, organisationId);
  if (!requesterName) throw new AppError('not-found', `No organisation with id "${organisationId}"`);
  const parsed = parseImportFile(file, { specs: NEED_COLUMNS, required: NEED_REQUIRED, exportOnly: NEED_EXPORT_ONLY });
  const vocab = await vocabulary(db);
  const problems = [...parsed.problems];
  const checked: Checked[] = [];
  const ids = new Set<string>();
  for (const item of parsed.items) {
    if (!item.readable) continue;
    const result = NeedImportItemSchema.safeParse(item.body);
    if (!result.success) {
      problems.push(...zodProblems(item, result.error));
      continue;
    }
    const { id, status, unmetReason, statusReason, requesterOrganisationId, ...body } = result.data;
    const fields = completeNeed(body);
    problems.push(...domainProblems(item, needFieldProblems(fields, vocab)));
    if (requesterOrganisationId !== undefined && requesterOrganisationId !== organisationId) {
      problems.push(
        item.locate(['requesterOrganisationId'], `belongs to organisation ${requesterOrganisationId}, not to ${organisationId}`),
      );
    }
    if (status !== undefined && status !== 'open' && actor.kind !== 'system') {
      problems.push(item.locate(['status'], 'imported needs are open: move them on afterwards'));
    }
    if (status === 'closed-unmet' && !unmetReason)
      problems.push(item.locate(['unmetReason'], 'a closed-unmet need says why (unmet_reason)'));
    if (status !== 'closed-unmet' && unmetReason)
      problems.push(item.locate(['unmetReason'], 'only closed-unmet needs have an unmet reason'));
    if (id !== undefined) {
      if (ids.has(id)) problems.push(item.locate(['id'], `${id} appears twice in the file`));
      ids.add(id);
    }
    checked.push({ id, status, statusReason: statusReason ?? null, unmetReason: unmetReason ?? null, fields, locate: item.locate });
  }
  if (problems.length > 0) throw new ImportProblems(problems);

  return db.transaction().execute(async (tx) => {
    await lockForTransaction(tx, 'import:needs');
    const existing = new Map((await repo.needsByIds(tx, [...ids])).map((row) => [row.id, row]));
    const foreign = checked.filter((c) => c.id && existing.get(c.id) && existing.get(c.id)!.requester_organisation_id !== organisationId);
    if (foreign.length > 0) throw new ImportProblems(foreign.map((c) => c.locate(['id'], `${c.id} is another organisation’s need`)));
    const createdBy = userIdOf(actor);
    const toCreate: NewNeedRecord[] = checked
      .filter((c) => !c.id || !existing.has(c.id))
      .map((c) => ({
        ...(c.id ? { id: c.id } : {}),
        fields: c.fields,
        requesterId: organisationId,
        requesterName,
        status: c.status ?? 'open',
        statusReason: c.statusReason,
        unmetReason: c.unmetReason,
        createdBy,
        demo: false,
      }));
    const created = await insertNeeds(tx, toCreate, vocab);
    const updated: NeedRow[] = [];
    for (const c of checked.filter((x) => x.id && existing.has(x.id))) {
      const row = (await repo.lockNeed(tx, c.id!))!;
      const status = c.status ? { status: c.status, statusReason: c.statusReason, unmetReason: c.unmetReason } : {};
      updated.push((await changeNeed(tx, row, { fields: c.fields, ...status }, vocab, createdBy))!);
    }
    const audited = (action: string) => (row: (typeof created)[number]) =>
      ({ actor, action, resourceType: 'need', resourceId: row.id, after: presentNeed(row), requestId: importer.requestId }) as const;
    await recordAudits(tx, [...created.map(audited('need.import-create')), ...updated.map(audited('need.import-update'))]);
    const summary = { file: file.name, sha256: parsed.sha256, records: checked.length, created: created.length, updated: updated.length };
    await recordAudit(tx, {
      actor,
      action: 'needs.import',
      resourceType: 'organisation',
      resourceId: organisationId,
      after: summary,
      requestId: importer.requestId,
    });
    return summary;
  });
}

/** A need as a JSON import item: its create body with id and status. */
export function needImportItem(n: Need) {
  const { version: _v, requester, demo: _d, notice: _n, createdAt: _c, updatedAt: _u, ...body } = n;
  return { ...body, requesterOrganisationId: requester.id };
}

/** Needs matching `where` (already limited to what the actor may see), newest first, as CSV or JSON import items. */
export async function exportNeeds(
  db: Db,
  where: RawBuilder<unknown>,
  format: 'csv' | 'json',
): Promise<{ text: string; count: number; capped: boolean }> {
  const rows = await repo.listNeeds(db, where, EXPORT_LIMIT + 1);
  const needs = rows.slice(0, EXPORT_LIMIT).map(presentNeed);
  const capped = rows.length > EXPORT_LIMIT;
  if (format === 'json') return { text: `${JSON.stringify(needs.map(needImportItem), null, 2)}\n`, count: needs.length, capped };
  const records = needs.map((n) => ({
    ...n,
    '@requester_organisation_id': n.requester.id,
    '@requester_name': n.requester.name,
    '@version': n.version,
    '@demo': n.demo,
    '@created_at': n.createdAt,
    '@updated_at': n.updatedAt,
  }));
  return { text: toCsv(NEED_COLUMNS, NEED_EXPORT_ONLY, records), count: needs.length, capped };
}

/** Every need of one organisation, or of all, for the operator's `dcp export`. */
export async function exportAllNeeds(db: Db, organisationId: string | undefined, format: 'csv' | 'json') {
  return exportNeeds(db, organisationId ? sql`needs.requester_organisation_id = ${organisationId}::uuid` : sql`true`, format);
}
