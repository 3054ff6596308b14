/**
 * /api/v1/projects and /api/v1/projects/{id}: list (JSON or an IATI file of the filtered set),
 * create, read (JSON or IATI), edit. Each route declares its schemas and calls one service
 * function with who asks; the services ask the policy.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter, type AppEnv, type Deps } from '../../http/app-env.js';
import { actorOf } from '../../http/authorise.js';
import { jsonResponse, problemResponses } from '../../http/problem.js';
import { ProjectListQuerySchema, ProjectPageSchema, projectExportConditions, searchProjects } from './catalogue.js';
import { exportIati, exportOneIati } from './iati-export.js';
import { listProjects } from './repository.js';
import { FormatQuerySchema, ProjectInputSchema, ProjectParamsSchema, ProjectPatchSchema, ProjectSchema } from './schemas.js';
import * as service from './service.js';
import { readableProject } from './support.js';

const tags = ['Collaborate: projects'];
export const IATI_CONTENT_TYPE = 'application/xml; charset=utf-8';
/** The most projects one IATI download holds; filter to get the others. */
export const MAX_IATI_EXPORT = 1000;

export const asker = (c: Context<AppEnv>) => ({ actor: actorOf(c), requestId: c.get('requestId') });
export const jsonBody = <T>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
const xml = { 'application/xml': { schema: z.string().openapi({ description: 'An IATI 2.03 activity file' }) } };

const listProjectsRoute = createRoute({
  method: 'get',
  path: '/projects',
  tags,
  summary: 'Search projects and initiatives',
  description:
    'Projects you may read (members-only ones for signed-in people) matching `q` in any language and the facet parameters, with facet ' +
    'counts and keyset pagination. `format=iati` downloads every match (up to 1,000, newest first) as an IATI 2.03 activity file that ' +
    'validates against the schema; projects that cannot yet be written as valid IATI are named in a comment at its top and counted in ' +
    '`X-Projects-Skipped`.',
  request: { query: ProjectListQuerySchema },
  responses: {
    200: {
      description: 'A page of projects, or an IATI activity file',
      content: { 'application/json': { schema: ProjectPageSchema }, ...xml },
    },
    ...problemResponses(400, 409),
  },
});

const createProjectRoute = createRoute({
  method: 'post',
  path: '/projects',
  tags,
  summary: 'Start a project (editors and owners of the lead organisation)',
  description: 'It is owned by its lead organisation. Without an IATI identifier, one is made from the organisation and the project id.',
  request: jsonBody(ProjectInputSchema),
  responses: { 201: jsonResponse(ProjectSchema, 'The new project'), ...problemResponses(400, 401, 403, 409) },
});

const getProjectRoute = createRoute({
  method: 'get',
  path: '/projects/{id}',
  tags,
  summary: 'One project, as JSON or as an IATI activity file',
  description:
    'With its partners, roles, the team members whose profiles you may see (and how many others), and the related needs and offerings you ' +
    'may read. `format=iati`: the project as an IATI 2.03 activity file (409 listing what is missing when it cannot be written validly yet).',
  request: { params: ProjectParamsSchema, query: FormatQuerySchema },
  responses: {
    200: { description: 'The project', content: { 'application/json': { schema: ProjectSchema }, ...xml } },
    ...problemResponses(400, 404, 409),
  },
});

const updateProjectRoute = createRoute({
  method: 'patch',
  path: '/projects/{id}',
  tags,
  summary: 'Change a project (editors and owners of the lead organisation)',
  description: 'Send the version you edited; 409 with `currentVersion` and `changes` when someone saved in between.',
  request: { params: ProjectParamsSchema, ...jsonBody(ProjectPatchSchema) },
  responses: { 200: jsonResponse(ProjectSchema, 'The changed project'), ...problemResponses(400, 401, 403, 404, 409) },
});

function iatiDownload(c: Context<AppEnv>, text: string, name: string, counts: { exported: number; skipped: number }) {
  return c.body(text, 200, {
    'Content-Type': IATI_CONTENT_TYPE,
    'Content-Disposition': `attachment; filename="${name}.xml"`,
    'X-Projects-Exported': String(counts.exported),
    'X-Projects-Skipped': String(counts.skipped),
  });
}

export function projectsApi({ db }: Deps) {
  return createRouter()
    .openapi(listProjectsRoute, async (c) => {
      const query = c.req.valid('query');
      if (query.format === 'iati') {
        const rows = await listProjects(db, await projectExportConditions(db, actorOf(c), query), MAX_IATI_EXPORT);
        const file = await exportIati(db, rows, c.get('lang'));
        return iatiDownload(c, file.xml, 'projects-iati', { exported: file.exported, skipped: file.skipped.length });
      }
      return c.json(await searchProjects(db, actorOf(c), query, c.get('lang')), 200);
    })
    .openapi(createProjectRoute, async (c) => c.json(await service.createProject(db, asker(c), c.req.valid('json'), c.get('lang')), 201))
    .openapi(getProjectRoute, async (c) => {
      const { id } = c.req.valid('param');
      if (c.req.valid('query').format === 'iati') {
        const row = await readableProject(db, actorOf(c), id, 'read');
        return iatiDownload(c, await exportOneIati(db, row, c.get('lang')), `project-${id}-iati`, { exported: 1, skipped: 0 });
      }
      return c.json(await service.getProject(db, actorOf(c), id, c.get('lang')), 200);
    })
    .openapi(updateProjectRoute, async (c) =>
      c.json(await service.updateProject(db, asker(c), c.req.valid('param').id, c.req.valid('json'), c.get('lang')), 200),
    );
}
