/**
 * /api/v1 routes for organisations, members and invitations. Each declares its
 * schemas and calls one service function with the actor; the service asks the policy.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter, type AppEnv, type Deps } from '../../http/app-env.js';
import { actorOf } from '../../http/authorise.js';
import { jsonResponse, problemResponses } from '../../http/problem.js';
import { invitationMail } from './mail.js';
import {
  InvitationAcceptSchema,
  InvitationInputSchema,
  InvitationListSchema,
  InvitationParamsSchema,
  InvitationSchema,
  MemberAddSchema,
  MemberListSchema,
  MemberParamsSchema,
  MemberSchema,
  MembershipSchema,
  MemberUpdateSchema,
  OrganisationInputSchema,
  OrganisationListQuerySchema,
  OrganisationPageSchema,
  OrganisationParamsSchema,
  OrganisationPatchSchema,
  OrganisationSchema,
  VerificationInputSchema,
} from './schemas.js';
import * as service from './service.js';

const body = <T>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
const tags = ['Organisations'];
const asker = (c: Context<AppEnv>) => ({ actor: actorOf(c), requestId: c.get('requestId') });

const listOrganisations = createRoute({
  method: 'get',
  path: '/organisations',
  tags,
  summary: 'List organisations',
  description: 'Every organisation on the platform, by name; filter by kind, country (ISO alpha-3) and verification.',
  request: { query: OrganisationListQuerySchema },
  responses: { 200: jsonResponse(OrganisationPageSchema, 'A page of organisations'), ...problemResponses(400) },
});
const createOrganisation = createRoute({
  method: 'post',
  path: '/organisations',
  tags,
  summary: 'Found an organisation',
  description: 'The signed-in person becomes its first owner. Single sign-on domains and verification are set by a coordinator.',
  request: body(OrganisationInputSchema),
  responses: { 201: jsonResponse(OrganisationSchema, 'The new organisation'), ...problemResponses(400, 401, 403, 409) },
});
const getOrganisation = createRoute({
  method: 'get',
  path: '/organisations/{id}',
  tags,
  summary: 'One organisation',
  request: { params: OrganisationParamsSchema },
  responses: { 200: jsonResponse(OrganisationSchema, 'The organisation'), ...problemResponses(400, 404) },
});
const updateOrganisation = createRoute({
  method: 'patch',
  path: '/organisations/{id}',
  tags,
  summary: 'Change an organisation (owners, admins)',
  request: { params: OrganisationParamsSchema, ...body(OrganisationPatchSchema) },
  responses: { 200: jsonResponse(OrganisationSchema, 'The changed organisation'), ...problemResponses(400, 401, 403, 404, 409) },
});
const verifyOrganisation = createRoute({
  method: 'post',
  path: '/organisations/{id}/verify',
  tags,
  summary: 'Verify an organisation and map its e-mail domains (coordinators, admins)',
  request: { params: OrganisationParamsSchema, ...body(VerificationInputSchema) },
  responses: { 200: jsonResponse(OrganisationSchema, 'The organisation'), ...problemResponses(400, 401, 403, 404) },
});
const listMembers = createRoute({
  method: 'get',
  path: '/organisations/{id}/members',
  tags,
  summary: 'Members of an organisation (its members, coordinators, admins)',
  request: { params: OrganisationParamsSchema },
  responses: { 200: jsonResponse(MemberListSchema, 'Its members'), ...problemResponses(400, 401, 403, 404) },
});
const addMember = createRoute({
  method: 'post',
  path: '/organisations/{id}/members',
  tags,
  summary: 'Add an existing account as a member (admins)',
  description: 'Owners invite people by e-mail instead (…/invitations), so nobody joins an organisation without agreeing.',
  request: { params: OrganisationParamsSchema, ...body(MemberAddSchema) },
  responses: { 201: jsonResponse(MemberSchema, 'The new member'), ...problemResponses(400, 401, 403, 404, 409) },
});
const changeRole = createRoute({
  method: 'patch',
  path: '/organisations/{id}/members/{userId}',
  tags,
  summary: 'Change a member’s role (owners, admins)',
  description: 'Refused with 409 when it would leave the organisation without an owner.',
  request: { params: MemberParamsSchema, ...body(MemberUpdateSchema) },
  responses: { 200: jsonResponse(MemberSchema, 'The member'), ...problemResponses(400, 401, 403, 404, 409) },
});
const removeMember = createRoute({
  method: 'delete',
  path: '/organisations/{id}/members/{userId}',
  tags,
  summary: 'Remove a member, or leave',
  description: 'Owners and admins remove anyone; a member may remove themselves. Refused with 409 for the last owner.',
  request: { params: MemberParamsSchema },
  responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 403, 404, 409) },
});
const listInvitations = createRoute({
  method: 'get',
  path: '/organisations/{id}/invitations',
  tags,
  summary: 'Open invitations (owners, admins)',
  request: { params: OrganisationParamsSchema },
  responses: {
    200: jsonResponse(InvitationListSchema, 'Invitations not yet accepted, revoked or expired'),
    ...problemResponses(400, 401, 403, 404),
  },
});
const createInvitation = createRoute({
  method: 'post',
  path: '/organisations/{id}/invitations',
  tags,
  summary: 'Invite someone by e-mail (owners, admins)',
  description: 'E-mails a link valid for 7 days. Only the invited address can accept it.',
  request: { params: OrganisationParamsSchema, ...body(InvitationInputSchema) },
  responses: { 201: jsonResponse(InvitationSchema, 'The invitation'), ...problemResponses(400, 401, 403, 404) },
});
const revokeInvitation = createRoute({
  method: 'delete',
  path: '/organisations/{id}/invitations/{invitationId}',
  tags,
  summary: 'Revoke an invitation (owners, admins)',
  request: { params: InvitationParamsSchema },
  responses: { 204: { description: 'Revoked' }, ...problemResponses(400, 401, 403, 404) },
});
const acceptInvitation = createRoute({
  method: 'post',
  path: '/invitations/accept',
  tags,
  summary: 'Accept an invitation as the signed-in person',
  request: body(InvitationAcceptSchema),
  responses: { 200: jsonResponse(MembershipSchema, 'The new membership'), ...problemResponses(400, 401, 403, 404, 409) },
});
const myOrganisations = createRoute({
  method: 'get',
  path: '/me/organisations',
  tags,
  summary: 'The signed-in person’s organisations and roles',
  responses: {
    200: jsonResponse(z.object({ data: z.array(MembershipSchema), next: z.null() }).openapi('MembershipList'), 'Memberships'),
    ...problemResponses(401),
  },
});

export function organisationsApi(deps: Deps) {
  const { db } = deps;
  return createRouter()
    .openapi(listOrganisations, async (c) => c.json(await service.listOrganisations(db, actorOf(c), c.req.valid('query')), 200))
    .openapi(createOrganisation, async (c) => c.json(await service.createOrganisation(db, asker(c), c.req.valid('json')), 201))
    .openapi(getOrganisation, async (c) => c.json(await service.getOrganisation(db, actorOf(c), c.req.valid('param').id), 200))
    .openapi(updateOrganisation, async (c) =>
      c.json(await service.updateOrganisation(db, asker(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(verifyOrganisation, async (c) =>
      c.json(await service.verifyOrganisation(db, asker(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(listMembers, async (c) =>
      c.json({ data: await service.listMembers(db, actorOf(c), c.req.valid('param').id), next: null }, 200),
    )
    .openapi(addMember, async (c) => c.json(await service.addMember(db, asker(c), c.req.valid('param').id, c.req.valid('json')), 201))
    .openapi(changeRole, async (c) => {
      const { id, userId } = c.req.valid('param');
      return c.json(await service.changeRole(db, asker(c), id, userId, c.req.valid('json').role), 200);
    })
    .openapi(removeMember, async (c) => {
      const { id, userId } = c.req.valid('param');
      await service.removeMember(db, asker(c), id, userId);
      return c.body(null, 204);
    })
    .openapi(listInvitations, async (c) =>
      c.json({ data: await service.listInvitations(db, actorOf(c), c.req.valid('param').id), next: null }, 200),
    )
    .openapi(createInvitation, async (c) =>
      c.json(await service.createInvitation(db, asker(c), c.req.valid('param').id, c.req.valid('json'), invitationMail(deps, c)), 201),
    )
    .openapi(revokeInvitation, async (c) => {
      const { id, invitationId } = c.req.valid('param');
      await service.revokeInvitation(db, asker(c), id, invitationId);
      return c.body(null, 204);
    })
    .openapi(acceptInvitation, async (c) => c.json(await service.acceptInvitation(db, asker(c), c.req.valid('json').token), 200))
    .openapi(myOrganisations, async (c) => c.json({ data: await service.myOrganisations(db, actorOf(c)), next: null }, 200));
}
