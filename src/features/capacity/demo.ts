/**
 * Generated demo data in the catalogue: `dcp demo generate`, `dcp demo
 * remove`, and the few hundred records a fresh installation shows so that its
 * catalogue is not empty. The records come from core/capacity/demo (pure,
 * seeded), pass the same checks as anything a provider submits, carry the demo
 * flag, and belong to organisations named "Demo · … (generated)".
 */
import {
  demoNeed,
  demoOffering,
  demoRequesterName,
  DEMO_PROVIDERS,
  type DemoContext,
  type DemoCountry,
} from '../../core/capacity/demo/generate.js';
import type { Db, WriteTx } from '../../db/database.js';
import { lockForTransaction } from '../../db/locks.js';
import { recordAudit, SYSTEM } from '../audit/index.js';
import { deleteSystemOrganisations, ensureSystemOrganisation, organisationIdsByName } from '../organisations/index.js';
import { exportCountries, exportTaxonomy, listGroups } from '../reference/index.js';
import { completeNeed } from './need-record.js';
import { NeedInputSchema } from './need-schemas.js';
import { insertGeneratedNeeds, needFieldProblems } from './need-writes.js';
import { completeOffering } from './offering-record.js';
import { OfferingInputSchema } from './offering-schemas.js';
import { insertGeneratedOfferings, offeringFieldProblems } from './offering-writes.js';
import { vocabulary, type Vocabulary } from './vocabulary.js';

export const DEFAULT_SEED = 2030;
/** What a fresh installation loads: a few hundred records. */
export const FIRST_START = { offerings: 300, needs: 100 } as const;
const BATCH = 2000;

export interface DemoSummary {
  readonly seed: number;
  /** Records added now (records of the same seed already present are kept, not doubled). */
  readonly offerings: number;
  readonly needs: number;
}

const OfferingBody = OfferingInputSchema.omit({ providerOrganisationId: true });
const NeedBody = NeedInputSchema.omit({ requesterOrganisationId: true });

async function demoContext(db: Db, vocab: Vocabulary): Promise<DemoContext> {
  const [groups, topics, digcomp] = await Promise.all([listGroups(db), exportTaxonomy(db, 'topics'), exportTaxonomy(db, 'digcomp')]);
  const m49 = new Map((await exportCountries(db)).map((c) => [c.iso3, c.m49]));
  const countries: DemoCountry[] = [...vocab.countries.values()]
    // Countries the World Bank classifies by income: leaves out areas such as the Åland Islands.
    .filter((c) => c.groups.some((g) => ['HIC', 'UMC', 'LMC', 'LIC'].includes(g)))
    .map((c) => ({ iso3: c.iso3, m49: m49.get(c.iso3) ?? '', names: c.names, groups: c.groups }));
  const places = groups
    .filter((g) => g.kind === 'sub-region' || g.kind === 'intermediate-region' || ['LDC', 'LLDC', 'SIDS'].includes(g.code))
    .map((g) => ({ code: g.code, names: g.names }));
  return {
    countries,
    places,
    topics: new Map(topics.map((t) => [t.code, t.related?.['digcomp'] ?? []])),
    competences: new Map(
      digcomp.filter((t) => t.parent === null).map((area) => [area.code, digcomp.filter((t) => t.parent === area.code).map((t) => t.code)]),
    ),
  };
}

/** A record the generator made that the checks refuse is a bug in the generator: say which. */
function generatorBug(what: string, index: number, problems: unknown): Error {
  return new Error(`demo ${what} ${index} does not pass the checks: ${JSON.stringify(problems)}`);
}

/**
 * Adds generated offerings and needs (0 … n−1 of the seed's sequence; those already present stay as they are).
 * @example await generateDemoData(db, { offerings: 300, needs: 100 })
 */
export async function generateDemoData(db: Db, options: { offerings: number; needs: number; seed?: number }): Promise<DemoSummary> {
  const seed = options.seed ?? DEFAULT_SEED;
  const vocab = await vocabulary(db);
  const context = await demoContext(db, vocab);
  const providers = await db.transaction().execute(async (tx) => {
    const ids: Record<string, string> = {};
    for (const p of DEMO_PROVIDERS)
      ids[p.key] = await ensureSystemOrganisation(tx, { name: p.name, kind: p.kind, description: 'Generated demo data' });
    return ids;
  });
  let offerings = 0;
  for (let start = 0; start < options.offerings; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, options.offerings - start) }, (_, i) => demoOffering(seed, start + i, context));
    const records = batch.map((o, i) => {
      const parsed = OfferingBody.safeParse(o.body);
      if (!parsed.success) throw generatorBug('offering', start + i, parsed.error.issues);
      const fields = completeOffering(parsed.data);
      const problems = offeringFieldProblems(fields, vocab);
      if (problems.length > 0) throw generatorBug('offering', start + i, problems);
      const provider = DEMO_PROVIDERS.find((p) => p.key === o.provider)!;
      return {
        id: o.id,
        fields,
        providerId: providers[o.provider]!,
        providerName: provider.name,
        status: o.status,
        createdBy: null,
        demo: true,
      };
    });
    offerings += await inBatch(
      db,
      'offerings',
      records.map((r) => r.id),
      async (tx, fresh) => {
        await insertGeneratedOfferings(
          tx,
          records.filter((r) => fresh.has(r.id)),
          vocab,
        );
      },
    );
  }
  let needs = 0;
  for (let start = 0; start < options.needs; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, options.needs - start) }, (_, i) => demoNeed(seed, start + i, context));
    const requesters = new Map<string, string>();
    await db.transaction().execute(async (tx) => {
      for (const n of batch) {
        if (!requesters.has(n.country.iso3)) {
          requesters.set(
            n.country.iso3,
            await ensureSystemOrganisation(tx, {
              name: demoRequesterName(n.country),
              kind: 'member-state',
              countryM49: n.country.m49 || null,
              description: 'Generated demo data',
            }),
          );
        }
      }
    });
    const records = batch.map((n, i) => {
      const parsed = NeedBody.safeParse(n.body);
      if (!parsed.success) throw generatorBug('need', start + i, parsed.error.issues);
      const fields = completeNeed(parsed.data);
      const problems = needFieldProblems(fields, vocab);
      if (problems.length > 0) throw generatorBug('need', start + i, problems);
      return {
        id: n.id,
        fields,
        requesterId: requesters.get(n.country.iso3)!,
        requesterName: demoRequesterName(n.country),
        status: n.status,
        statusReason: n.statusReason,
        unmetReason: n.unmetReason,
        createdBy: null,
        demo: true,
      };
    });
    needs += await inBatch(
      db,
      'needs',
      records.map((r) => r.id),
      async (tx, fresh) => {
        await insertGeneratedNeeds(
          tx,
          records.filter((r) => fresh.has(r.id)),
          vocab,
        );
      },
    );
  }
  return { seed, offerings, needs };
}

/** Writes one batch of records in a transaction under the demo lock, skipping ids already present; returns how many were new. */
async function inBatch(
  db: Db,
  table: 'offerings' | 'needs',
  ids: readonly string[],
  write: (tx: WriteTx, fresh: ReadonlySet<string>) => Promise<void>,
): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await lockForTransaction(tx, 'capacity:demo');
    const present = new Set((await tx.selectFrom(table).select('id').where('id', 'in', ids).execute()).map((r) => r.id));
    const fresh = new Set(ids.filter((id) => !present.has(id)));
    if (fresh.size > 0) await write(tx, fresh);
    await recordAudit(tx, { actor: SYSTEM, action: `capacity.demo-generate`, resourceType: table, after: { added: fresh.size } });
    return fresh.size;
  });
}

/**
 * Takes every generated record out, with any revisions their edits left, and the demo organisations
 * nobody has joined and that hold no other records.
 */
export async function removeDemoData(db: Db): Promise<{ offerings: number; needs: number; organisations: number }> {
  const vocab = await vocabulary(db);
  const names = [
    ...DEMO_PROVIDERS.map((p) => p.name),
    ...[...vocab.countries.values()].map((c) => demoRequesterName({ iso3: c.iso3, m49: '', names: c.names, groups: c.groups })),
  ];
  const organisations = await organisationIdsByName(db, names);
  return db.transaction().execute(async (tx) => {
    await lockForTransaction(tx, 'capacity:demo');
    for (const [table, type] of [
      ['offerings', 'offering'],
      ['needs', 'need'],
    ] as const) {
      await tx
        .deleteFrom('capacity_revisions')
        .where('record_type', '=', type)
        .where('record_id', 'in', tx.selectFrom(table).select('id').where('demo', '=', true))
        .execute();
    }
    const offerings = Number((await tx.deleteFrom('offerings').where('demo', '=', true).executeTakeFirst()).numDeletedRows);
    const needs = Number((await tx.deleteFrom('needs').where('demo', '=', true).executeTakeFirst()).numDeletedRows);
    const holding = new Set([
      ...(
        await tx
          .selectFrom('offerings')
          .select('provider_organisation_id as id')
          .where('provider_organisation_id', 'in', organisations.length ? organisations : ['00000000-0000-0000-0000-000000000000'])
          .execute()
      ).map((r) => r.id),
      ...(
        await tx
          .selectFrom('needs')
          .select('requester_organisation_id as id')
          .where('requester_organisation_id', 'in', organisations.length ? organisations : ['00000000-0000-0000-0000-000000000000'])
          .execute()
      ).map((r) => r.id),
    ]);
    const deleted = await deleteSystemOrganisations(
      tx,
      organisations.filter((id) => !holding.has(id)),
    );
    await recordAudit(tx, {
      actor: SYSTEM,
      action: 'capacity.demo-remove',
      resourceType: 'capacity',
      after: { offerings, needs, organisations: deleted.length },
    });
    return { offerings, needs, organisations: deleted.length };
  });
}

const PLANNED = 'first-start-demo-planned';
const FILLED = 'first-start-demo-filled';

/**
 * Marks this installation's demo catalogue as due: called on the first start (the start that
 * loads the reference data), so that later starts — after `dcp demo remove`, or of an
 * installation that was upgraded with its data — never add demo records unasked.
 */
export async function planDemoOnFirstStart(db: Db): Promise<void> {
  await db
    .insertInto('capacity_markers')
    .values({ name: PLANNED })
    .onConflict((c) => c.column('name').doNothing())
    .execute();
}

/**
 * Fills the demo catalogue planned on the first start (FIRST_START generated records, so that
 * the catalogue is not empty), then marks it filled. Resumable: a start cut short part-way
 * (generation commits in batches) is finished by the next start, as the same seed makes the same
 * ids and present ones are skipped. Does nothing when none is planned or it is filled already.
 * @example await fillPlannedDemo(db) // { seed: 2030, offerings: 300, needs: 100 } the first time, then undefined
 */
export async function fillPlannedDemo(db: Db): Promise<DemoSummary | undefined> {
  const markers = new Set((await db.selectFrom('capacity_markers').select('name').execute()).map((m) => m.name));
  if (!markers.has(PLANNED) || markers.has(FILLED)) return undefined;
  const summary = await generateDemoData(db, FIRST_START);
  await db
    .insertInto('capacity_markers')
    .values({ name: FILLED })
    .onConflict((c) => c.column('name').doNothing())
    .execute();
  return summary;
}
