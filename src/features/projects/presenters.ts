/**
 * The only way projects leave the server, for the API and (later) the pages: a row in, the public
 * shape out, the title in the reader's language when the project has it. Generated demo projects
 * say so.
 */
import type { Selectable } from 'kysely';
import type { ProjectRolesTable } from '../../db/schema.js';
import type { PersonSummary } from '../people/index.js';
import { narrativeIn } from './activity.js';
import { activityOf, type ProjectRow } from './record.js';
import type { PartnerRow } from './repository.js';
import type { Project, ProjectSummary, Role } from './schemas.js';

export const DEMO_NOTICE = 'generated demo data';

export type RoleRow = Selectable<ProjectRolesTable>;

export function presentRole(row: RoleRow): Role {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    topics: row.topics,
    digcomp: row.digcomp.map((c) => ({ ...c })),
    esco: row.esco,
    languages: row.languages.map((l) => ({ ...l })),
    timeShare: row.time_share,
    startDate: row.start_date,
    endDate: row.end_date,
    status: row.status,
  };
}

export function presentProjectSummary(row: ProjectRow, lang: string): ProjectSummary {
  const activity = activityOf(row);
  return {
    id: row.id,
    version: row.version,
    iatiIdentifier: row.iati_identifier,
    origin: row.origin,
    visibility: row.visibility,
    language: row.language,
    title: narrativeIn(activity.title, lang, activity.defaultLanguage) ?? row.title,
    lead: { id: row.lead_organisation_id, name: row.lead_name },
    countries: row.countries,
    sdgs: row.sdgs,
    topics: row.topics,
    status: row.status,
    startDate: row.start_date,
    endDate: row.end_date,
    budget:
      row.budget_amount !== null && row.budget_currency !== null ? { amount: row.budget_amount, currency: row.budget_currency } : null,
    demo: row.demo,
    notice: row.demo ? DEMO_NOTICE : null,
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface ProjectParts {
  readonly partners: readonly PartnerRow[];
  readonly roles: readonly RoleRow[];
  readonly team: { readonly members: Project['team']['members']; readonly others: number };
  readonly related: Project['related'];
}

export function presentProject(row: ProjectRow, parts: ProjectParts, lang: string): Project {
  const activity = activityOf(row);
  const general = activity.descriptions.find((d) => d.type === 'general') ?? activity.descriptions[0];
  return {
    ...presentProjectSummary(row, lang),
    titles: activity.title.map((n) => ({ ...n })),
    description: general ? narrativeIn(general.text, lang, activity.defaultLanguage) : null,
    descriptions: activity.descriptions.map((d) => ({ type: d.type, text: d.text.map((n) => ({ ...n })) })),
    partners: parts.partners.map((p) => ({ ...p })),
    participatingOrganisations: activity.participatingOrgs.map((o) => ({
      role: o.role,
      ref: o.ref,
      name: narrativeIn(o.name, lang, activity.defaultLanguage) ?? o.ref ?? '',
    })),
    dates: { ...activity.dates },
    sectors: activity.sectors.map((s) => ({ vocabulary: s.vocabulary, code: s.code, percentage: s.percentage })),
    budgets: activity.budgets.map((b) => ({
      type: b.type,
      status: b.status,
      periodStart: b.periodStart,
      periodEnd: b.periodEnd,
      amount: b.value.amount,
      currency: b.value.currency ?? activity.defaultCurrency,
    })),
    transactions: activity.transactions.length,
    lastUpdated: activity.lastUpdated,
    roles: parts.roles.map(presentRole),
    team: { members: [...parts.team.members], others: parts.team.others },
    related: parts.related,
    createdAt: row.created_at.toISOString(),
    lastImportedAt: row.last_imported_at ? row.last_imported_at.toISOString() : null,
  };
}

/** A team member's card with their role in the project. */
export function presentMember(person: PersonSummary, row: { role_id: string | null; role_title: string; joined_at: Date }) {
  return { person, roleId: row.role_id, roleTitle: row.role_title, joinedAt: row.joined_at.toISOString() };
}

/** What a revision keeps of a version, and what a 409 compares: the summary with the text in every language and the dates. */
export function revisionSnapshot(row: ProjectRow) {
  const activity = activityOf(row);
  return {
    ...presentProjectSummary(row, row.language),
    titles: activity.title.map((n) => ({ ...n })),
    descriptions: activity.descriptions.map((d) => ({ type: d.type, text: d.text.map((n) => ({ ...n })) })),
    dates: { ...activity.dates },
  };
}
