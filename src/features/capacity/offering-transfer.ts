/**
 * Bulk import and export of offerings. An import reads and checks every record
 * of the file first (shape, plausibility, vocabulary, ids), then writes all of
 * them in one transaction under an advisory lock, or nothing: a record with an
 * id the database knows updates it (it must belong to the same organisation),
 * any other creates one. The system (the `dcp` command) may set statuses; a
 * person imports drafts only. Every record written is audited.
 */
import { type Actor, userIdOf } from '../../core/policy/actor.js';
import type { Db } from '../../db/database.js';
import { lockForTransaction } from '../../db/locks.js';
import type { FormatProblem } from '../../formats/csv/format-error.js';
import { AppError } from '../../http/app-error.js';
import { authorise } from '../../http/authorise.js';
import { recordAudit, recordAudits, SYSTEM } from '../audit/index.js';
import { OFFERING_COLUMNS, OFFERING_EXPORT_ONLY, OFFERING_REQUIRED, toCsv } from './csv-template.js';
import { domainProblems, ImportProblems, parseImportFile, zodProblems, type ImportFile } from './import-file.js';
import { completeOffering, type OfferingFields, type OfferingRow } from './offering-record.js';
import * as repo from './offering-repository.js';
import { presentOffering } from './offering-presenters.js';
import { OfferingImportItemSchema, type Offering } from './offering-schemas.js';
import { changeOffering, insertOfferings, offeringFieldProblems, type NewOfferingRecord } from './offering-writes.js';
import { organisationName } from './shared-repository.js';
import { vocabulary } from './vocabulary.js';
import type { OfferingStatus } from '../../core/capacity/workflow.js';
import { sql, type RawBuilder } from 'kysely';

/** Who imports: a person (drafts only, through the policy) or the system (the dcp command). */
export interface Importer {
  readonly actor: Actor | typeof SYSTEM;
  readonly requestId?: string | null;
}

export interface ImportSummary {
  readonly file: string;
  readonly sha256: string;
  readonly records: number;
  readonly created: number;
  readonly updated: number;
}

interface Checked {
  readonly id: string | undefined;
  readonly status: OfferingStatus | undefined;
  readonly fields: OfferingFields;
  readonly locate: (path: readonly (string | number)[], message: string) => FormatProblem;
}

/**
 * @example await importOfferings(db, { actor: SYSTEM }, organisationId, { name: 'catalogue.csv', text })
 */
export async function importOfferings(db: Db, importer: Importer, organisationId: string, file: ImportFile): Promise<ImportSummary> {
  const { actor } = importer;
  if (actor.kind !== 'system') authorise(actor, 'create', { type: 'offering', ownerOrganisationId: organisationId, status: 'draft' });
  const providerName = await organisationName(db, organisationId);
  if (!providerName) throw new AppError('not-found', `No organisation with id "${organisationId}"`);
  const parsed = parseImportFile(file, { specs: OFFERING_COLUMNS, required: OFFERING_REQUIRED, exportOnly: OFFERING_EXPORT_ONLY });
  const vocab = await vocabulary(db);
  const problems = [...parsed.problems];
  const checked: Checked[] = [];
  const ids = new Set<string>();
  for (const item of parsed.items) {
    if (!item.readable) continue;
    const result = OfferingImportItemSchema.safeParse(item.body);
    if (!result.success) {
      problems.push(...zodProblems(item, result.error));
      continue;
    }
    const { id, status, providerOrganisationId, ...body } = result.data;
    const fields = completeOffering(body);
    problems.push(...domainProblems(item, offeringFieldProblems(fields, vocab)));
    if (providerOrganisationId !== undefined && providerOrganisationId !== organisationId) {
      problems.push(item.locate(['providerOrganisationId'], `belongs to organisation ${providerOrganisationId}, not to ${organisationId}`));
    }
    if (status !== undefined && status !== 'draft' && actor.kind !== 'system') {
      problems.push(item.locate(['status'], 'imported offerings are drafts: submit them for review afterwards'));
    }
    if (id !== undefined) {
      if (ids.has(id)) problems.push(item.locate(['id'], `${id} appears twice in the file`));
      ids.add(id);
    }
    checked.push({ id, status, fields, locate: item.locate });
  }
  if (problems.length > 0) throw new ImportProblems(problems);

  return db.transaction().execute(async (tx) => {
    await lockForTransaction(tx, 'import:offerings');
    const existing = new Map((await repo.offeringsByIds(tx, [...ids])).map((row) => [row.id, row]));
    const foreign = checked.filter((c) => c.id && existing.get(c.id) && existing.get(c.id)!.provider_organisation_id !== organisationId);
    if (foreign.length > 0) throw new ImportProblems(foreign.map((c) => c.locate(['id'], `${c.id} is another organisation’s offering`)));
    const createdBy = userIdOf(actor);
    const toCreate: NewOfferingRecord[] = checked
      .filter((c) => !c.id || !existing.has(c.id))
      .map((c) => ({
        ...(c.id ? { id: c.id } : {}),
        fields: c.fields,
        providerId: organisationId,
        providerName,
        status: c.status ?? 'draft',
        createdBy,
        demo: false,
      }));
    const created = await insertOfferings(tx, toCreate, vocab);
    const updated: OfferingRow[] = [];
    for (const c of checked.filter((x) => x.id && existing.has(x.id))) {
      const row = (await repo.lockOffering(tx, c.id!))!;
      const after = await changeOffering(
        tx,
        row,
        { fields: c.fields, reviewed: true, ...(c.status ? { status: c.status } : {}) },
        vocab,
        createdBy,
      );
      updated.push(after!);
    }
    const audited = (action: string) => (row: (typeof created)[number]) =>
      ({
        actor,
        action,
        resourceType: 'offering',
        resourceId: row.id,
        after: presentOffering(row),
        requestId: importer.requestId,
      }) as const;
    await recordAudits(tx, [...created.map(audited('offering.import-create')), ...updated.map(audited('offering.import-update'))]);
    const summary = { file: file.name, sha256: parsed.sha256, records: checked.length, created: created.length, updated: updated.length };
    await recordAudit(tx, {
      actor,
      action: 'offerings.import',
      resourceType: 'organisation',
      resourceId: organisationId,
      after: summary,
      requestId: importer.requestId,
    });
    return summary;
  });
}

/** Most records one export carries. */
export const EXPORT_LIMIT = 10_000;

/** An offering as a JSON import item: its create body with id and status. */
export function offeringImportItem(o: Offering) {
  const {
    version: _v,
    statusReason: _r,
    provider,
    demo: _d,
    notice: _n,
    createdAt: _c,
    updatedAt: _u,
    publishedAt: _p,
    lastReviewedAt: _l,
    linkBrokenSince: _b,
    ...body
  } = o;
  return { ...body, providerOrganisationId: provider.id };
}

/**
 * Offerings matching `where` (conditions over the offerings table that already say what the actor
 * may see), newest first, as the CSV template or as JSON import items.
 */
export async function exportOfferings(
  db: Db,
  where: RawBuilder<unknown>,
  format: 'csv' | 'json',
): Promise<{ text: string; count: number; capped: boolean }> {
  const rows = await repo.listOfferings(db, where, EXPORT_LIMIT + 1);
  const offerings = rows.slice(0, EXPORT_LIMIT).map(presentOffering);
  const capped = rows.length > EXPORT_LIMIT;
  if (format === 'json')
    return { text: `${JSON.stringify(offerings.map(offeringImportItem), null, 2)}\n`, count: offerings.length, capped };
  const records = offerings.map((o) => ({
    ...o,
    '@provider_organisation_id': o.provider.id,
    '@provider_name': o.provider.name,
    '@version': o.version,
    '@demo': o.demo,
    '@created_at': o.createdAt,
    '@updated_at': o.updatedAt,
    '@published_at': o.publishedAt,
    '@last_reviewed_at': o.lastReviewedAt,
  }));
  return { text: toCsv(OFFERING_COLUMNS, OFFERING_EXPORT_ONLY, records), count: offerings.length, capped };
}

/**
 * Every offering of one organisation, or of all, in every status: for the operator's `dcp export`
 * (the system reads everything; people export through the API, which lists what they may see).
 */
export async function exportAllOfferings(db: Db, organisationId: string | undefined, format: 'csv' | 'json') {
  return exportOfferings(db, organisationId ? sql`offerings.provider_organisation_id = ${organisationId}::uuid` : sql`true`, format);
}
