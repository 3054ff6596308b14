/**
 * Generated demo people: `dcp demo generate` and `dcp demo remove` (with the clearinghouse's
 * demo data), the people a fresh installation shows so that the finder is not empty, and the
 * 100,000 profiles of the expert-finder benchmark. The people come from src/core/people/demo.ts
 * (pure, seeded), pass the same checks as a profile anyone saves, carry the demo flag, and belong
 * to organisations named "Demo · … (generated)".
 *
 * Their accounts are written here directly (users and memberships, the accounts and organisations
 * features' tables) because those features have no bulk path and demo people must never sign in:
 * no password, an unverified `.invalid` address, no consent recorded (nobody real agreed to anything).
 */
import { sql } from 'kysely';
import { demoPerson, DEMO_ORGANISATIONS, type PeopleDemoContext } from '../../core/people/demo.js';
import type { Db, WriteTx } from '../../db/database.js';
import { lockForTransaction } from '../../db/locks.js';
import { recordAudit, SYSTEM } from '../audit/index.js';
import { deleteSystemOrganisations, ensureSystemOrganisation, organisationIdsByName } from '../organisations/index.js';
import { exportTaxonomy } from '../reference/index.js';
import { columnsOf, fieldsOfInput } from './record.js';
import { ProfileInputSchema } from './schemas.js';
import { writeSearchRows } from './search-rows.js';
import { peopleVocabulary, vocabularyProblems, type PeopleVocabulary } from './vocabulary.js';

export const DEFAULT_PEOPLE_SEED = 2030;
const BATCH = 1000;

/** The context the pure generator draws from: countries the World Bank classifies by income, topics with their DigComp areas, ESCO skills. */
export async function peopleDemoContext(db: Db, vocab: PeopleVocabulary): Promise<PeopleDemoContext> {
  const topics = await exportTaxonomy(db, 'topics');
  const competences = new Map<string, string[]>();
  for (const [code, term] of vocab.digcomp) if (term.area) competences.set(term.area, [...(competences.get(term.area) ?? []), code]);
  return {
    countries: [...vocab.countries.values()]
      .filter((c) => c.groups.some((g) => ['HIC', 'UMC', 'LMC', 'LIC'].includes(g)))
      .map((c) => ({ iso3: c.iso3, names: c.names, groups: c.groups })),
    topics: new Map(topics.map((t) => [t.code, { names: t.labels, areas: t.related?.['digcomp'] ?? [] }])),
    competences,
    esco: [...vocab.esco.keys()].toSorted(),
  };
}

/** The demo organisations, created by the system when missing; key → id. */
export async function demoOrganisations(db: Db): Promise<Record<string, string>> {
  return db.transaction().execute(async (tx) => {
    const ids: Record<string, string> = {};
    for (const o of DEMO_ORGANISATIONS)
      ids[o.key] = await ensureSystemOrganisation(tx, { name: o.name, kind: o.kind, description: 'Generated demo data' });
    return ids;
  });
}

/**
 * Adds demo people 0 … n−1 of the seed's sequence (those already present stay as they are); returns how many were new.
 * @example await generateDemoPeople(db, { people: 200 })
 */
export async function generateDemoPeople(
  db: Db,
  options: { people: number; seed?: number; progress?: (done: number) => void },
): Promise<{ seed: number; people: number }> {
  const seed = options.seed ?? DEFAULT_PEOPLE_SEED;
  const vocab = await peopleVocabulary(db);
  const context = await peopleDemoContext(db, vocab);
  const organisations = await demoOrganisations(db);
  let added = 0;
  for (let start = 0; start < options.people; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, options.people - start) }, (_, i) => demoPerson(seed, start + i, context));
    const people = batch.map((person, i) => {
      const parsed = ProfileInputSchema.safeParse({ version: 0, ...person.profile });
      if (!parsed.success) throw new Error(`demo person ${start + i} does not pass the checks: ${JSON.stringify(parsed.error.issues)}`);
      const fields = fieldsOfInput(parsed.data);
      const problems = vocabularyProblems(vocab, { ...fields, country: fields.dutyStation?.country ?? null }, { competencesOnly: true });
      if (problems.length > 0) throw new Error(`demo person ${start + i} does not pass the checks: ${JSON.stringify(problems)}`);
      return { ...person, fields };
    });
    added += await db.transaction().execute(async (tx) => {
      await lockForTransaction(tx, 'people:demo');
      const present = new Set(
        (
          await tx
            .selectFrom('users')
            .select('id')
            .where(
              'id',
              'in',
              people.map((p) => p.id),
            )
            .execute()
        ).map((r) => r.id),
      );
      const fresh = people.filter((p) => !present.has(p.id));
      if (fresh.length === 0) return 0;
      await insertDemoAccounts(tx, fresh, organisations);
      const rows = await tx
        .insertInto('profiles')
        .values(fresh.map((p) => ({ user_id: p.id, demo: true, ...columnsOf(p.fields) })))
        .returning(['user_id', 'created_at'])
        .execute();
      const listed = new Map(rows.map((r) => [r.user_id, r.created_at]));
      await writeSearchRows(
        tx,
        fresh.map((p) => ({ userId: p.id, fields: p.fields, listedAt: listed.get(p.id)!, demo: true })),
        vocab,
      );
      await recordAudit(tx, { actor: SYSTEM, action: 'people.demo-generate', resourceType: 'profiles', after: { added: fresh.length } });
      return fresh.length;
    });
    options.progress?.(Math.min(start + BATCH, options.people));
  }
  return { seed, people: added };
}

/** Accounts without credentials for demo people, and their membership of a demo organisation (see the header for why here). */
async function insertDemoAccounts(
  tx: WriteTx,
  people: readonly { id: string; email: string; organisation: string; profile: { name: string } }[],
  organisations: Record<string, string>,
): Promise<void> {
  await tx
    .insertInto('users')
    .values(people.map((p) => ({ id: p.id, email: p.email, display_name: p.profile.name, password_hash: null, email_verified_at: null })))
    .execute();
  await tx
    .insertInto('memberships')
    .values(people.map((p) => ({ organisation_id: organisations[p.organisation]!, user_id: p.id, role: 'member' as const })))
    .execute();
}

/** Takes every demo person out (their accounts, memberships, profiles and finder rows), and the demo organisations nobody else joined. */
export async function removeDemoPeople(db: Db): Promise<{ people: number; organisations: number }> {
  const organisations = await organisationIdsByName(
    db,
    DEMO_ORGANISATIONS.map((o) => o.name),
  );
  return db.transaction().execute(async (tx) => {
    await lockForTransaction(tx, 'people:demo');
    const demo = tx.selectFrom('profiles').select('user_id').where('demo', '=', true);
    const result = await tx
      .deleteFrom('users')
      .where('id', 'in', demo)
      .where(sql<boolean>`email like '%@demo.invalid'`)
      .executeTakeFirst();
    const deleted = await deleteSystemOrganisations(tx, organisations);
    const people = Number(result.numDeletedRows);
    await recordAudit(tx, {
      actor: SYSTEM,
      action: 'people.demo-remove',
      resourceType: 'profiles',
      after: { people, organisations: deleted.length },
    });
    return { people, organisations: deleted.length };
  });
}
