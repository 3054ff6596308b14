/**
 * A project's roles, team, updates and comments, and the candidates for a role:
 * /api/v1/projects/{id}/roles, …/roles/{roleId}, …/roles/{roleId}/candidates, …/team,
 * …/team/{userId}, …/updates and …/updates/{updateId}/comments.
 */
import { createRouter, type Deps } from '../../http/app-env.js';
import { actorOf } from '../../http/authorise.js';
import { jsonResponse, problemResponses } from '../../http/problem.js';
import { createRoute, z } from '@hono/zod-openapi';
import { roleCandidates } from './candidates.js';
import { asker, jsonBody } from './routes.js';
import {
  CandidatePageSchema,
  CandidateQuerySchema,
  CommentInputSchema,
  MemberParamsSchema,
  ProjectParamsSchema,
  RoleInputSchema,
  RoleParamsSchema,
  RoleSchema,
  TeamInputSchema,
  TeamSchema,
  UpdateInputSchema,
  UpdatePageSchema,
  UpdateParamsSchema,
  UpdateSchema,
} from './schemas.js';
import * as work from './work.js';

const tags = ['Collaborate: projects'];
const MemberSchema = TeamSchema.shape.members.element;

const listRoles = createRoute({
  method: 'get',
  path: '/projects/{id}/roles',
  tags,
  summary: 'The roles a project needs',
  request: { params: ProjectParamsSchema },
  responses: { 200: jsonResponse(z.object({ data: z.array(RoleSchema) }), 'The roles'), ...problemResponses(400, 404) },
});
const addRole = createRoute({
  method: 'post',
  path: '/projects/{id}/roles',
  tags,
  summary: 'Add a role the project needs (editors of the lead organisation)',
  description:
    'With the skills (topics, DigComp areas or competences with a proficiency, ESCO skills), languages with a level and share of time it needs.',
  request: { params: ProjectParamsSchema, ...jsonBody(RoleInputSchema) },
  responses: { 201: jsonResponse(RoleSchema, 'The new role'), ...problemResponses(400, 401, 403, 404) },
});
const replaceRole = createRoute({
  method: 'put',
  path: '/projects/{id}/roles/{roleId}',
  tags,
  summary: 'Replace a role (editors of the lead organisation)',
  request: { params: RoleParamsSchema, ...jsonBody(RoleInputSchema) },
  responses: { 200: jsonResponse(RoleSchema, 'The role'), ...problemResponses(400, 401, 403, 404) },
});
const candidates = createRoute({
  method: 'get',
  path: '/projects/{id}/roles/{roleId}/candidates',
  tags,
  summary: 'People for a role, ranked and explained (the lead’s editors, coordinators)',
  description:
    'Scored 0–1 on skills (a DigComp area’s other competences count in part), languages with their level, availability over the role’s ' +
    'period and duty station (the project’s countries, then its sub-region and region), each component explained in your language. Only ' +
    'people you may see are considered, on the parts they show you; team members are left out.',
  request: { params: RoleParamsSchema, query: CandidateQuerySchema },
  responses: { 200: jsonResponse(CandidatePageSchema, 'Candidates, best first'), ...problemResponses(400, 401, 403, 404) },
});
const addMember = createRoute({
  method: 'post',
  path: '/projects/{id}/team',
  tags,
  summary: 'Add someone to the team (editors of the lead organisation)',
  description: 'Only a person whose profile basics you may see; filling a role marks it filled.',
  request: { params: ProjectParamsSchema, ...jsonBody(TeamInputSchema) },
  responses: { 201: jsonResponse(MemberSchema, 'The member'), ...problemResponses(400, 401, 403, 404, 409) },
});
const removeMember = createRoute({
  method: 'delete',
  path: '/projects/{id}/team/{userId}',
  tags,
  summary: 'Take someone off the team (editors of the lead organisation), or leave it yourself',
  request: { params: MemberParamsSchema },
  responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 403, 404) },
});
const listUpdates = createRoute({
  method: 'get',
  path: '/projects/{id}/updates',
  tags,
  summary: 'A project’s dated updates with their comments, newest first',
  request: { params: ProjectParamsSchema },
  responses: { 200: jsonResponse(UpdatePageSchema, 'The updates'), ...problemResponses(400, 404) },
});
const postUpdate = createRoute({
  method: 'post',
  path: '/projects/{id}/updates',
  tags,
  summary: 'Post an update (the lead’s editors, partner organisations’ editors, team members)',
  request: { params: ProjectParamsSchema, ...jsonBody(UpdateInputSchema) },
  responses: { 201: jsonResponse(UpdateSchema, 'The update'), ...problemResponses(400, 401, 403, 404) },
});
const postComment = createRoute({
  method: 'post',
  path: '/projects/{id}/updates/{updateId}/comments',
  tags,
  summary: 'Comment on an update (anyone signed in who may read the project)',
  request: { params: UpdateParamsSchema, ...jsonBody(CommentInputSchema) },
  responses: { 201: jsonResponse(UpdateSchema, 'The update with its comments'), ...problemResponses(400, 401, 403, 404) },
});

export function projectWorkApi({ db }: Deps) {
  return createRouter()
    .openapi(listRoles, async (c) => c.json({ data: await work.listRoles(db, actorOf(c), c.req.valid('param').id) }, 200))
    .openapi(addRole, async (c) => c.json(await work.addRole(db, asker(c), c.req.valid('param').id, c.req.valid('json')), 201))
    .openapi(replaceRole, async (c) => {
      const { id, roleId } = c.req.valid('param');
      return c.json(await work.replaceRole(db, asker(c), id, roleId, c.req.valid('json')), 200);
    })
    .openapi(candidates, async (c) => {
      const { id, roleId } = c.req.valid('param');
      return c.json(await roleCandidates(db, asker(c), id, roleId, c.req.valid('query'), c.get('lang')), 200);
    })
    .openapi(addMember, async (c) => c.json(await work.addTeamMember(db, asker(c), c.req.valid('param').id, c.req.valid('json')), 201))
    .openapi(removeMember, async (c) => {
      const { id, userId } = c.req.valid('param');
      await work.removeTeamMember(db, asker(c), id, userId);
      return c.body(null, 204);
    })
    .openapi(listUpdates, async (c) => c.json({ data: await work.listUpdates(db, actorOf(c), c.req.valid('param').id) }, 200))
    .openapi(postUpdate, async (c) => c.json(await work.postUpdate(db, asker(c), c.req.valid('param').id, c.req.valid('json')), 201))
    .openapi(postComment, async (c) => {
      const { id, updateId } = c.req.valid('param');
      return c.json(await work.postComment(db, asker(c), id, updateId, c.req.valid('json')), 201);
    });
}
