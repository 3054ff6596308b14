/**
 * Reads and writes of projects and their parts (partners, roles, team, updates, comments, links,
 * revisions). Writes take the caller's transaction.
 *
 * Two reads join the organisations feature's table, for the same reason as the clearinghouse's:
 * every project shown names its lead and partners, and asking that feature per project would cost
 * a query per project in every list (`withLead`, `partnersOf`). `organisationFacts` reads the
 * organisation's name and kind for the IATI record.
 */
import { sql, type UpdateObject } from 'kysely';
import type { Db, WriteTx } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { platformOrganisationRef, type OrganisationFacts, type OrganisationKind } from './activity.js';
import type { ProjectRow } from './record.js';

type Reader = Db | WriteTx;

function withLead(db: Reader) {
  return db
    .selectFrom('projects')
    .innerJoin('organisations', 'organisations.id', 'projects.lead_organisation_id')
    .selectAll('projects')
    .select('organisations.name as lead_name');
}

export async function findProject(db: Reader, id: string): Promise<ProjectRow | undefined> {
  return withLead(db).where('projects.id', '=', id).executeTakeFirst();
}

export async function findProjectByIdentifier(db: Reader, iatiIdentifier: string): Promise<ProjectRow | undefined> {
  return withLead(db).where('projects.iati_identifier', '=', iatiIdentifier).executeTakeFirst();
}

/** Locks the row until the transaction ends, so that edits and imports of one project run one at a time. */
export async function lockProject(tx: WriteTx, id: string): Promise<ProjectRow | undefined> {
  const locked = await tx.selectFrom('projects').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return locked ? findProject(tx, id) : undefined;
}

/** Projects by id, in the order of `ids`. */
export async function projectsByIds(db: Reader, ids: readonly string[]): Promise<ProjectRow[]> {
  if (ids.length === 0) return [];
  const rows = await withLead(db).where('projects.id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Projects matching `where` (over the projects table), newest first, at most `limit`. */
export async function listProjects(db: Reader, where: ReturnType<typeof sql>, limit: number): Promise<ProjectRow[]> {
  return withLead(db)
    .where(sql<boolean>`${where}`)
    .orderBy('projects.listed_at', 'desc')
    .orderBy('projects.id', 'desc')
    .limit(limit)
    .execute();
}

/** Updates the row if it is still at `version`; undefined when someone saved in between. */
export async function updateProject(
  tx: WriteTx,
  id: string,
  version: number,
  values: UpdateObject<Database, 'projects'>,
): Promise<boolean> {
  const result = await tx
    .updateTable('projects')
    .set({ ...values, version: version + 1, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface PartnerRow {
  readonly id: string;
  readonly name: string;
  readonly role: 'funding' | 'accountable' | 'extending' | 'implementing';
}

export async function partnersOf(db: Reader, projectIds: readonly string[]): Promise<Map<string, PartnerRow[]>> {
  const result = new Map<string, PartnerRow[]>(projectIds.map((id) => [id, []]));
  if (projectIds.length === 0) return result;
  const rows = await db
    .selectFrom('project_partners')
    .innerJoin('organisations', 'organisations.id', 'project_partners.organisation_id')
    .select(['project_partners.project_id', 'organisations.id', 'organisations.name', 'project_partners.role'])
    .where('project_partners.project_id', 'in', projectIds)
    .orderBy('organisations.name')
    .execute();
  for (const r of rows) result.get(r.project_id)?.push({ id: r.id, name: r.name, role: r.role });
  return result;
}

export async function replacePartners(
  tx: WriteTx,
  projectId: string,
  partners: readonly { organisationId: string; role: PartnerRow['role'] }[],
) {
  await tx.deleteFrom('project_partners').where('project_id', '=', projectId).execute();
  if (partners.length > 0)
    await tx
      .insertInto('project_partners')
      .values(partners.map((p) => ({ project_id: projectId, organisation_id: p.organisationId, role: p.role })))
      .execute();
}

/** Each organisation's name, kind and IATI identifier (its own when known, else one made from its id); missing ones are absent. */
export async function organisationFacts(db: Reader, ids: readonly string[]): Promise<Map<string, OrganisationFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisations')
    .leftJoin('iati_organisations', 'iati_organisations.organisation_id', 'organisations.id')
    .select(['organisations.id', 'organisations.name', 'organisations.kind', 'iati_organisations.iati_ref'])
    .where('organisations.id', 'in', [...ids])
    .orderBy('iati_organisations.first_seen_at')
    .execute();
  const facts = new Map<string, OrganisationFacts>();
  for (const r of rows) {
    if (facts.has(r.id)) continue;
    facts.set(r.id, { id: r.id, name: r.name, kind: r.kind as OrganisationKind, ref: r.iati_ref ?? platformOrganisationRef(r.id) });
  }
  return facts;
}

export async function teamOf(db: Reader, projectId: string) {
  return db
    .selectFrom('project_team')
    .select(['user_id', 'role_id', 'role_title', 'joined_at'])
    .where('project_id', '=', projectId)
    .orderBy('joined_at')
    .execute();
}

export async function rolesOf(db: Reader, projectId: string) {
  return db.selectFrom('project_roles').selectAll().where('project_id', '=', projectId).orderBy('created_at').orderBy('id').execute();
}

export async function findRole(db: Reader, projectId: string, roleId: string) {
  return db.selectFrom('project_roles').selectAll().where('project_id', '=', projectId).where('id', '=', roleId).executeTakeFirst();
}

export async function linksOf(db: Reader, projectId: string) {
  return db.selectFrom('project_links').select(['kind', 'target_id']).where('project_id', '=', projectId).execute();
}

export async function replaceLinks(tx: WriteTx, projectId: string, kind: 'need' | 'offering', ids: readonly string[]) {
  await tx.deleteFrom('project_links').where('project_id', '=', projectId).where('kind', '=', kind).execute();
  if (ids.length > 0)
    await tx
      .insertInto('project_links')
      .values(ids.map((id) => ({ project_id: projectId, kind, target_id: id })))
      .execute();
}

export async function insertRevision(
  tx: WriteTx,
  revision: { projectId: string; version: number; source: 'platform' | 'iati-import'; snapshot: object; changedBy: string | null },
) {
  await tx
    .insertInto('project_revisions')
    .values({
      project_id: revision.projectId,
      version: revision.version,
      source: revision.source,
      snapshot: JSON.stringify(revision.snapshot),
      changed_by: revision.changedBy,
    })
    .execute();
}

export async function findRevision(db: Reader, projectId: string, version: number) {
  const row = await db
    .selectFrom('project_revisions')
    .select('snapshot')
    .where('project_id', '=', projectId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row?.snapshot;
}
