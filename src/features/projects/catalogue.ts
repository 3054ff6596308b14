/**
 * Lists of projects: text search in any of the six UN languages, facets (countries, SDGs, topics,
 * status, origin), keyset pagination — the platform search service over `projects` — and the same
 * filters for the IATI export of a filtered set. Members-only projects are listed for signed-in
 * people only, as the policy says.
 */
import { z } from '@hono/zod-openapi';
import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../core/policy/actor.js';
import { can } from '../../core/policy/policy.js';
import type { Db } from '../../db/database.js';
import { prepareQuery, search, type FacetColumn } from '../../platform/search/index.js';
import type { Language } from '../../shared/localised.js';
import { codeListParam, countriesOf, peopleVocabulary, type PeopleVocabulary } from '../people/index.js';
import { presentProjectSummary } from './presenters.js';
import { PROJECTS_CORPUS } from './record.js';
import { projectsByIds } from './repository.js';
import { PROJECT_STATUSES, ProjectSummarySchema } from './schemas.js';
import { invalid, type PathProblem } from './support.js';

export const ProjectListQuerySchema = z.object({
  q: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'Text to search for in titles, descriptions and organisations, in any language' }),
  countries: codeListParam('Countries (ISO alpha-3) or groups (LDC, an M49 region …)', 'NER,LDC'),
  sdgs: codeListParam('SDG numbers', '4,9'),
  topics: codeListParam('Topic codes', 'digital-education-edtech'),
  status: codeListParam('IATI activity statuses', 'implementation'),
  organisation: z.uuid().optional().openapi({ description: 'Led by or partnering with this organisation' }),
  origin: z.enum(['platform', 'iati']).optional().openapi({ description: 'Made on the platform, or imported from IATI' }),
  demo: z
    .enum(['include', 'exclude', 'only'])
    .optional()
    .openapi({ description: 'Generated demo projects: include (default), exclude, only' }),
  sort: z.enum(['relevance', 'newest']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(300).optional(),
  format: z
    .enum(['json', 'iati'])
    .optional()
    .openapi({ description: 'iati: every match (up to 1,000, newest first) as an IATI 2.03 activity file' }),
});
export type ProjectListQuery = z.infer<typeof ProjectListQuerySchema>;

const FacetValues = z.array(z.object({ value: z.string(), count: z.number().int() }));
export const ProjectPageSchema = z
  .object({
    data: z.array(ProjectSummarySchema),
    next: z.string().nullable(),
    total: z.object({ value: z.number().int(), exact: z.boolean() }),
    search: z.object({ q: z.string().nullable(), sort: z.enum(['relevance', 'newest']), capped: z.boolean(), method: z.string() }),
    facets: z.object({ counted: z.number().int(), exact: z.boolean(), values: z.record(z.string(), FacetValues) }),
  })
  .openapi('ProjectPage');
export type ProjectPage = z.infer<typeof ProjectPageSchema>;

export const PROJECT_FACETS: readonly FacetColumn[] = [
  { name: 'countries', value: sql.ref('countries'), array: true },
  { name: 'sdgs', value: sql.ref('sdgs'), array: true },
  { name: 'topics', value: sql.ref('topics'), array: true },
  { name: 'status', value: sql.ref('status'), array: false },
  { name: 'origin', value: sql.ref('origin'), array: false },
];

/** An organisation id no record has: asks the policy about members-only projects in general. */
const ANY_OTHER = '00000000-0000-0000-0000-000000000000';

/** The conditions of a list for the actor, after checking every code (a 400 naming the parameter, not an empty list). */
export function projectConditions(actor: Actor, query: ProjectListQuery, vocab: PeopleVocabulary): RawBuilder<unknown> {
  const problems: PathProblem[] = [];
  const countries = (query.countries ?? []).flatMap((code, i) => {
    const found = countriesOf(vocab, code.toUpperCase());
    if (!found) problems.push({ path: ['countries', i], message: `"${code}" is neither a country’s ISO alpha-3 code nor a group code` });
    return found ?? [];
  });
  query.sdgs?.forEach((v, i) => {
    if (!/^([1-9]|1[0-7])$/.test(v)) problems.push({ path: ['sdgs', i], message: `"${v}" is not an SDG number 1–17` });
  });
  query.topics?.forEach((v, i) => {
    if (!vocab.topics.has(v)) problems.push({ path: ['topics', i], message: `"${v}" is not a topic` });
  });
  query.status?.forEach((v, i) => {
    if (!(PROJECT_STATUSES as readonly string[]).includes(v))
      problems.push({ path: ['status', i], message: `"${v}" is not a status (${PROJECT_STATUSES.join(', ')})` });
  });
  if (problems.length > 0) throw invalid(problems, 'query');
  const membersToo = can(actor, 'read', {
    type: 'project',
    ownerOrganisationId: ANY_OTHER,
    partnerOrganisationIds: [],
    teamUserIds: [],
    visibility: 'members',
  });
  const conditions: RawBuilder<unknown>[] = [membersToo ? sql`true` : sql`projects.visibility = 'public'`];
  if (query.countries?.length) conditions.push(sql`projects.countries && ${countries}::text[]`);
  if (query.sdgs?.length) conditions.push(sql`projects.sdgs && ${query.sdgs}::text[]`);
  if (query.topics?.length) conditions.push(sql`projects.topics && ${query.topics}::text[]`);
  if (query.status?.length) conditions.push(sql`projects.status = any(${query.status}::text[])`);
  if (query.origin) conditions.push(sql`projects.origin = ${query.origin}`);
  if (query.organisation)
    conditions.push(
      sql`(projects.lead_organisation_id = ${query.organisation}::uuid or projects.id in (select p.project_id from project_partners as p where p.organisation_id = ${query.organisation}::uuid))`,
    );
  if (query.demo === 'exclude') conditions.push(sql`not projects.demo`);
  if (query.demo === 'only') conditions.push(sql`projects.demo`);
  return sql.join(conditions, sql` and `);
}

/** The conditions with the text query, for exports (every match, newest first). */
export async function projectExportConditions(db: Db, actor: Actor, query: ProjectListQuery): Promise<RawBuilder<unknown>> {
  const where = projectConditions(actor, query, await peopleVocabulary(db));
  const tsquery = query.q?.trim() ? (await prepareQuery(db, PROJECTS_CORPUS, query.q)).tsquery : undefined;
  return tsquery ? sql`(${where}) and projects.search_vector @@ ${tsquery}::tsquery` : where;
}

/**
 * @example await searchProjects(db, actor, { countries: ['LDC'], sdgs: ['4'], limit: 20 }, 'fr')
 */
export async function searchProjects(db: Db, actor: Actor, query: ProjectListQuery, lang: Language): Promise<ProjectPage> {
  const where = projectConditions(actor, query, await peopleVocabulary(db));
  const prepared = query.q?.trim() ? await prepareQuery(db, PROJECTS_CORPUS, query.q) : undefined;
  const tsquery = prepared?.tsquery;
  const scope = { table: 'projects', where };
  const sort = query.sort ?? (tsquery ? 'relevance' : 'newest');
  const hits = await search(db, scope, { tsquery, sort, limit: query.limit, cursor: query.cursor, facets: PROJECT_FACETS });
  const { facets } = hits;
  const rows = await projectsByIds(db, hits.ids);
  return {
    data: rows.map((row) => presentProjectSummary(row, lang)),
    next: hits.next,
    total: hits.total,
    search: { q: query.q?.trim() ? query.q : null, sort: hits.ranking.sort, capped: hits.ranking.capped, method: hits.ranking.method },
    facets,
  };
}
