/**
 * Harvesting a provider's own catalogue (issue 10): a provider registers the URL; each run
 * (the daily job, or "harvest now") fetches it, reads every item, checks each as an import
 * would (schema, plausibility, vocabulary) and then, in one transaction under the source's
 * lock: creates the new ones as drafts for review, updates those whose content changed (their
 * status stays; an update of a published offering keeps it published and is audited), and
 * archives those the catalogue no longer lists. Items that cannot be read are reported with
 * what is wrong and left as they were — never archived for being unreadable. A catalogue that
 * cannot be fetched or read at all changes nothing. The report is kept on the source and as one
 * of its last ten runs (sources.ts), for its editors' pages.
 */
import { sql } from 'kysely';
import type { Actor } from '../../../core/policy/actor.js';
import type { Db } from '../../../db/database.js';
import { lockForTransaction } from '../../../db/locks.js';
import { FormatError } from '../../../formats/csv/format-error.js';
import { AppError } from '../../../http/app-error.js';
import { authorise } from '../../../http/authorise.js';
import { recordAudit, SYSTEM } from '../../audit/index.js';
import { completeOffering, offeringFieldsOf, type OfferingFields } from '../offering-record.js';
import * as repo from '../offering-repository.js';
import { presentOffering } from '../offering-presenters.js';
import { OfferingImportItemSchema } from '../offering-schemas.js';
import { changeOffering, insertOfferings, offeringFieldProblems } from '../offering-writes.js';
import { organisationName } from '../shared-repository.js';
import { vocabulary } from '../vocabulary.js';
import { fetchCatalogue, FetchProblem } from './fetch-catalogue.js';
import { readCatalogue, type HarvestItem } from './read-catalogue.js';
import { KEPT_RUNS, sourceRow } from './sources.js';

export interface HarvestProblem {
  readonly position: number;
  readonly key: string | null;
  readonly message: string;
}

export interface HarvestReport {
  readonly sourceId: string;
  readonly url: string;
  readonly ranAt: string;
  /** Set when nothing could be harvested (unreachable, refused address, unreadable document): nothing changed. */
  readonly error: string | null;
  readonly items: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly archived: number;
  readonly problems: HarvestProblem[];
}

export const GONE_REASON = 'No longer in the provider’s published catalogue (harvest)';

/** Whether two records' fields are equal, whatever the order of their keys. */
function sameFields(a: OfferingFields, b: OfferingFields): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .toSorted(([x], [y]) => x.localeCompare(y))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

interface Checked {
  readonly item: HarvestItem;
  readonly key: string;
  readonly fields: OfferingFields;
}

/** Items checked as an import checks them; what is wrong with the others. */
function check(items: readonly HarvestItem[], vocab: Awaited<ReturnType<typeof vocabulary>>) {
  const problems: HarvestProblem[] = [];
  const checked: Checked[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const at = (message: string) => problems.push({ position: item.position, key: item.key ?? null, message });
    if (item.key) seen.add(item.key);
    if (item.problems.length > 0) {
      item.problems.forEach(at);
      continue;
    }
    if (!item.key) {
      at('the item has no @id, url or name to know it by on the next run');
      continue;
    }
    const parsed = OfferingImportItemSchema.safeParse(item.body);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) at(`${issue.path.join('.') || 'item'}: ${issue.message}`);
      continue;
    }
    const { id: _id, status: _status, providerOrganisationId: _provider, ...body } = parsed.data;
    const fields = completeOffering(body);
    const domain = offeringFieldProblems(fields, vocab);
    if (domain.length > 0) {
      for (const p of domain) at(`${p.path.join('.')}: ${p.message}`);
      continue;
    }
    if (checked.some((c) => c.key === item.key)) {
      at(`"${item.key}" appears twice in the catalogue; the first is kept`);
      continue;
    }
    checked.push({ item, key: item.key, fields });
  }
  return { checked, problems, seen };
}

/** Keeps the report on the source and as a run; runs beyond the last KEPT_RUNS are deleted. */
async function keep(db: Db, report: HarvestReport): Promise<HarvestReport> {
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('offering_sources')
      .set({ last_run_at: report.ranAt, last_report: JSON.stringify(report) })
      .where('id', '=', report.sourceId)
      .execute();
    // Through the source row, so a source removed during the run keeps no orphan run.
    await sql`insert into offering_source_runs (source_id, ran_at, report)
      select id, ${report.ranAt}::timestamptz, ${JSON.stringify(report)}::jsonb from offering_sources where id = ${report.sourceId}`.execute(
      tx,
    );
    await sql`delete from offering_source_runs where source_id = ${report.sourceId} and id not in (
      select id from offering_source_runs where source_id = ${report.sourceId} order by ran_at desc limit ${KEPT_RUNS})`.execute(tx);
  });
  return report;
}

/**
 * Runs one source now. `allowPrivate` comes from the configuration (never true in production).
 * @example await harvestSource(db, SYSTEM, sourceId, { allowPrivate: config.harvestPrivateAddresses })
 */
export async function harvestSource(
  db: Db,
  actor: Actor | typeof SYSTEM,
  id: string,
  options: { allowPrivate: boolean },
): Promise<HarvestReport> {
  const row = await sourceRow(db, id);
  if (!row) throw new AppError('not-found', `No offering source with id "${id}"`);
  if (actor.kind !== 'system') authorise(actor, 'create', { type: 'offering', ownerOrganisationId: row.organisation_id, status: 'draft' });
  const base = {
    sourceId: id,
    url: row.url,
    ranAt: new Date().toISOString(),
    items: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    archived: 0,
    problems: [] as HarvestProblem[],
  };
  const vocab = await vocabulary(db);
  let items: HarvestItem[];
  try {
    const fetched = await fetchCatalogue(row.url, options);
    items = readCatalogue(fetched, row.format, { topics: row.default_topics, audiences: row.default_audiences }, vocab);
  } catch (error) {
    if (error instanceof FetchProblem || error instanceof FormatError) return keep(db, { ...base, error: error.message });
    throw error;
  }
  const { checked, problems, seen } = check(items, vocab);
  const providerName = (await organisationName(db, row.organisation_id)) ?? '';
  const counts = await db.transaction().execute(async (tx) => {
    await lockForTransaction(tx, `harvest:${id}`);
    const known = await tx.selectFrom('offerings').select(['id', 'source_key']).where('source_id', '=', id).execute();
    const byKey = new Map(known.map((k) => [k.source_key!, k.id]));
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    let archived = 0;
    for (const c of checked) {
      const existingId = byKey.get(c.key);
      if (!existingId) {
        const [saved] = await insertOfferings(
          tx,
          [{ fields: c.fields, providerId: row.organisation_id, providerName, status: 'draft', createdBy: null, demo: false }],
          vocab,
        );
        await tx.updateTable('offerings').set({ source_id: id, source_key: c.key }).where('id', '=', saved!.id).execute();
        await recordAudit(tx, {
          actor: SYSTEM,
          action: 'offering.harvest-create',
          resourceType: 'offering',
          resourceId: saved!.id,
          after: presentOffering(saved!),
        });
        created += 1;
        continue;
      }
      const current = (await repo.lockOffering(tx, existingId))!;
      const before = presentOffering(current);
      if (sameFields(offeringFieldsOf(current), c.fields) && current.status !== 'archived') {
        unchanged += 1;
        continue;
      }
      // Back in the catalogue after being archived as gone: a draft again, for review.
      const back = current.status === 'archived' && current.status_reason === GONE_REASON;
      const after = await changeOffering(
        tx,
        current,
        { fields: c.fields, ...(back ? { status: 'draft' as const, statusReason: null } : {}) },
        vocab,
        null,
      );
      await recordAudit(tx, {
        actor: SYSTEM,
        action: 'offering.harvest-update',
        resourceType: 'offering',
        resourceId: existingId,
        before,
        after: presentOffering(after!),
      });
      updated += 1;
    }
    for (const k of known) {
      if (seen.has(k.source_key!)) continue;
      const current = (await repo.lockOffering(tx, k.id))!;
      if (current.status === 'archived') continue;
      await changeOffering(tx, current, { status: 'archived', statusReason: GONE_REASON }, vocab, null);
      await recordAudit(tx, {
        actor: SYSTEM,
        action: 'offering.harvest-archive',
        resourceType: 'offering',
        resourceId: k.id,
        before: { status: current.status },
      });
      archived += 1;
    }
    return { created, updated, unchanged, archived };
  });
  return keep(db, { ...base, error: null, items: items.length, ...counts, problems });
}
