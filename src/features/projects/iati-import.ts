/**
 * Imports an IATI activity file (`dcp import iati FILE.xml`): the whole file is read and checked
 * first (src/formats/iati: every problem with its line and column), then everything valid is
 * written in one transaction under an advisory lock, so two instances never import at once and a
 * failure leaves nothing half-written. A project is keyed on its IATI identifier: importing the
 * same file again changes nothing, a newer file updates the projects it holds (a revision of each
 * version is kept), and a project the platform already holds for another organisation is refused,
 * not taken over. The publisher (reporting organisation) is matched to a platform organisation by
 * its IATI identifier, else by name, else created — marked as imported from IATI and unverified;
 * participating organisations already on the platform become partners. Each file is recorded in
 * `project_import_runs`.
 */
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Project as Activity, ParticipatingOrganisation } from '../../core/projects/index.js';
import type { Db, WriteTx } from '../../db/database.js';
import { lockForTransaction } from '../../db/locks.js';
import { parseIatiActivities, type IatiProblem } from '../../formats/iati/index.js';
import { recordAudit, SYSTEM } from '../audit/index.js';
import { ensureSystemOrganisation, organisationIdsByName } from '../organisations/index.js';
import { peopleVocabulary, type PeopleVocabulary } from '../people/index.js';
import { kindOfIatiType, narrativeIn } from './activity.js';
import { countryCodes } from './iati-export.js';
import { projectColumns } from './record.js';
import * as repo from './repository.js';
import { keepRevision } from './service.js';

export interface IatiFile {
  /** Named in every problem: the path on the command line. */
  readonly name: string;
  readonly text: string;
}

export interface IatiImportSummary {
  readonly file: string;
  readonly sha256: string;
  readonly version: string;
  readonly activitiesRead: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Read from the file but not imported (an error in the file, or an identifier another organisation holds). */
  readonly refused: number;
  readonly organisationsCreated: number;
  readonly problemCounts: { readonly error: number; readonly warning: number; readonly info: number };
  /** `file:line:column: severity code: message` — in file order, as the parser found them, then the import's own. */
  readonly problems: readonly string[];
}

/** Identifiers longer than the table allows are refused rather than cut. */
const MAX_IDENTIFIER = 300;

function problemLine(p: IatiProblem): string {
  // Aggregated messages of the parser already say how often ("(7 times; …)"): the count is not repeated.
  const counted = /\((once|\d+ times)[;)]/.test(p.message);
  const count = p.count > 1 && !counted ? ` (×${p.count})` : '';
  const activity = p.activity ? ` [${p.activity}]` : '';
  return `${p.file}:${p.line}:${p.column}: ${p.severity} ${p.code}${activity}: ${p.message}${count}`;
}

/** The organisation an IATI identifier stands for, matched or created (and remembered). */
async function organisationFor(
  tx: WriteTx,
  ref: string,
  name: string,
  type: Activity['reportingOrg']['type'],
  created: { count: number },
): Promise<string> {
  const known = await tx.selectFrom('iati_organisations').select('organisation_id').where('iati_ref', '=', ref).executeTakeFirst();
  if (known) return known.organisation_id;
  const [byName] = await organisationIdsByName(tx, [name]);
  const id =
    byName ??
    (await ensureSystemOrganisation(tx, {
      name,
      kind: kindOfIatiType(type),
      description: `Imported from IATI (organisation identifier ${ref}); not verified by the platform.`,
    }));
  if (!byName) created.count += 1;
  await tx.insertInto('iati_organisations').values({ iati_ref: ref, organisation_id: id, created_by_import: !byName }).execute();
  return id;
}

/** Participating organisations already on the platform (by IATI identifier), as partners. */
async function partnersOf(tx: WriteTx, orgs: readonly ParticipatingOrganisation[], lead: string) {
  const refs = [...new Set(orgs.flatMap((o) => (o.ref ? [o.ref] : [])))];
  if (refs.length === 0) return [];
  const known = await tx.selectFrom('iati_organisations').select(['iati_ref', 'organisation_id']).where('iati_ref', 'in', refs).execute();
  const byRef = new Map(known.map((k) => [k.iati_ref, k.organisation_id]));
  const partners = new Map<string, ParticipatingOrganisation['role']>();
  for (const org of orgs) {
    const id = org.ref ? byRef.get(org.ref) : undefined;
    if (id && id !== lead && !partners.has(id)) partners.set(id, org.role);
  }
  return [...partners].map(([organisationId, role]) => ({ organisationId, role }));
}

type Outcome = 'created' | 'updated' | 'unchanged' | { refused: string };

async function importOne(tx: WriteTx, activity: Activity, vocab: PeopleVocabulary, created: { count: number }): Promise<Outcome> {
  if (activity.iatiIdentifier.length > MAX_IDENTIFIER) return { refused: `the identifier is longer than ${MAX_IDENTIFIER} characters` };
  const publisher = activity.reportingOrg;
  const name = (narrativeIn(publisher.name, 'en', activity.defaultLanguage) ?? publisher.ref).slice(0, 200);
  const lead = await organisationFor(tx, publisher.ref, name, publisher.type, created);
  const language = activity.defaultLanguage?.split('-')[0] ?? activity.title[0]?.lang?.split('-')[0] ?? 'en';
  const existing = await repo.findProjectByIdentifier(tx, activity.iatiIdentifier);
  if (existing && existing.lead_organisation_id !== lead) {
    return { refused: `the platform holds this identifier for another organisation (${existing.lead_name}); not taken over` };
  }
  if (existing && isDeepStrictEqual(existing.activity, activity)) return 'unchanged';
  let id: string;
  if (existing) {
    await tx.selectFrom('projects').select('id').where('id', '=', existing.id).forUpdate().execute();
    await repo.updateProject(tx, existing.id, existing.version, {
      ...projectColumns(activity, existing.language, vocab),
      last_imported_at: new Date(),
    });
    id = existing.id;
  } else {
    const row = await tx
      .insertInto('projects')
      .values({
        lead_organisation_id: lead,
        origin: 'iati',
        visibility: 'public',
        language,
        last_imported_at: new Date(),
        created_by: null,
        ...projectColumns(activity, language, vocab),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  }
  const partners = await partnersOf(tx, activity.participatingOrgs, lead);
  const current = (await repo.partnersOf(tx, [id])).get(id) ?? [];
  const merged = [
    ...current.map((p) => ({ organisationId: p.id, role: p.role })),
    ...partners.filter((p) => !current.some((c) => c.id === p.organisationId)),
  ];
  await repo.replacePartners(tx, id, merged);
  await keepRevision(tx, id, 'iati-import', null);
  return existing ? 'updated' : 'created';
}

/**
 * @example await importIatiFile(db, { name: 'undp.xml', text })
 * @throws IatiFormatError (a FormatError naming line and column) when the file cannot be read at all
 */
export async function importIatiFile(db: Db, file: IatiFile): Promise<IatiImportSummary> {
  const countries = await countryCodes(db);
  const parsed = parseIatiActivities(file.text, { fileName: file.name, countries });
  const vocab = await peopleVocabulary(db);
  const sha256 = createHash('sha256').update(file.text).digest('hex');
  const created = { count: 0 };
  const counts = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  const own: string[] = [];
  // Activities the parser could not import (an error in the file) are refused too.
  const refusedInFile = parsed.activitiesRead - parsed.projects.length;
  const problemCounts = { error: 0, warning: 0, info: 0 };
  for (const p of parsed.problems) problemCounts[p.severity] += 1;
  await db.transaction().execute(async (tx) => {
    await lockForTransaction(tx, 'projects:iati-import');
    for (const activity of parsed.projects) {
      const outcome = await importOne(tx, activity, vocab, created);
      if (typeof outcome === 'string') counts[outcome] += 1;
      else {
        counts.refused += 1;
        own.push(`${file.name}: error refused [${activity.iatiIdentifier}]: ${outcome.refused}`);
      }
    }
    await tx
      .insertInto('project_import_runs')
      .values({
        file_name: file.name.slice(-500),
        sha256,
        version: parsed.version,
        activities_read: parsed.activitiesRead,
        created: counts.created,
        updated: counts.updated,
        unchanged: counts.unchanged,
        refused: counts.refused + refusedInFile,
        problems: JSON.stringify({ ...problemCounts, refusedByPlatform: own.length }),
      })
      .execute();
    await recordAudit(tx, {
      actor: SYSTEM,
      action: 'projects.iati-import',
      resourceType: 'projects',
      after: { file: file.name, sha256, ...counts, organisationsCreated: created.count },
    });
  });
  return {
    file: file.name,
    sha256,
    version: parsed.version,
    activitiesRead: parsed.activitiesRead,
    ...counts,
    refused: counts.refused + refusedInFile,
    organisationsCreated: created.count,
    problemCounts: { ...problemCounts, error: problemCounts.error + own.length },
    problems: [...parsed.problems.map(problemLine), ...own],
  };
}
