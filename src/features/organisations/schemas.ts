/** Request and response schemas of the organisations API (OpenAPI is generated from them). */
import { z } from '@hono/zod-openapi';
import { PageQuerySchema, pageOf } from '../../http/pagination.js';
import { CONTROL_CHARACTER_MESSAGE, isCleanText, multilineText, text } from '../../http/text.js';

export const ORGANISATION_KINDS = [
  'member-state',
  'un-entity',
  'intergovernmental',
  'private-sector',
  'academia',
  'civil-society',
] as const;
export const OrganisationKindSchema = z
  .enum(ORGANISATION_KINDS)
  .openapi({ description: 'A term of the organisation-kinds list (/api/v1/taxonomies/organisation-kinds)' });
export const ROLES = ['owner', 'editor', 'member'] as const;
export const RoleSchema = z
  .enum(ROLES)
  .openapi({ description: 'owner: manages the organisation and its members; editor: changes its records; member: reads them' });

const iso3 = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'must be an ISO alpha-3 country code such as KEN')
  .transform((s) => s.toUpperCase());
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain such as example.org');

export const OrganisationSchema = z
  .object({
    id: z.uuid(),
    name: z.string().openapi({ example: 'Ministry of ICT and Digital Economy' }),
    acronym: z.string().nullable().openapi({ example: 'MoICT' }),
    kind: OrganisationKindSchema,
    country: z.string().nullable().openapi({ description: 'ISO alpha-3 code of its country, if it has one', example: 'KEN' }),
    website: z.string().nullable().openapi({ example: 'https://ict.go.ke' }),
    description: z.string().nullable(),
    verification: z.enum(['unverified', 'verified']).openapi({ description: 'verified: checked by a platform coordinator' }),
    verifiedAt: z.string().nullable(),
    emailDomains: z
      .array(z.string())
      .optional()
      .openapi({ description: 'E-mail domains whose single-sign-on users join as members; shown to its owners, coordinators and admins' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Organisation');
export type Organisation = z.infer<typeof OrganisationSchema>;

export const OrganisationInputSchema = z
  .object({
    name: text().trim().min(2).max(200),
    acronym: text().trim().min(1).max(20).nullable().optional(),
    kind: OrganisationKindSchema,
    country: iso3.nullable().optional().openapi({ type: 'string', description: 'ISO alpha-3 code', example: 'KEN' }),
    website: z
      .url({ protocol: /^https?$/ })
      .max(500)
      // The URL parser percent-encodes a NUL in a path, but the string itself is what is stored.
      .refine((url) => isCleanText(url), CONTROL_CHARACTER_MESSAGE)
      .nullable()
      .optional()
      .openapi({ example: 'https://example.org' }),
    description: multilineText().trim().max(5000).nullable().optional(),
  })
  .openapi('OrganisationInput');
export type OrganisationInput = z.infer<typeof OrganisationInputSchema>;

export const OrganisationPatchSchema = OrganisationInputSchema.partial()
  .refine((patch) => Object.keys(patch).length > 0, 'give at least one field to change')
  .openapi('OrganisationPatch');
export type OrganisationPatch = z.infer<typeof OrganisationPatchSchema>;

export const VerificationInputSchema = z
  .object({
    verification: z.enum(['unverified', 'verified']),
    emailDomains: z
      .array(domain)
      .max(20)
      .optional()
      .openapi({ description: 'Replaces the domains mapped to this organisation for single sign-on' }),
  })
  .openapi('VerificationInput');
export type VerificationInput = z.infer<typeof VerificationInputSchema>;

export const OrganisationListQuerySchema = PageQuerySchema.extend({
  kind: OrganisationKindSchema.optional(),
  country: iso3.optional().openapi({ type: 'string', example: 'KEN' }),
  verification: z.enum(['unverified', 'verified']).optional(),
});
export type OrganisationListQuery = z.infer<typeof OrganisationListQuerySchema>;
export const OrganisationPageSchema = pageOf(OrganisationSchema).openapi('OrganisationPage');

export const OrganisationParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, example: '0b8f3c2e-5d1a-4c1e-9a57-2f6f3f0f9a10' }),
});

export const MemberSchema = z
  .object({
    userId: z.uuid(),
    displayName: z.string(),
    role: RoleSchema,
    since: z.string(),
  })
  .openapi('Member');
export type Member = z.infer<typeof MemberSchema>;
export const MemberListSchema = z.object({ data: z.array(MemberSchema), next: z.null() }).openapi('MemberList');

export const MemberAddSchema = z.object({ userId: z.uuid(), role: RoleSchema }).openapi('MemberAdd');
export const MemberUpdateSchema = z.object({ role: RoleSchema }).openapi('MemberUpdate');
export const MemberParamsSchema = OrganisationParamsSchema.extend({
  userId: z.uuid().openapi({ param: { name: 'userId', in: 'path' } }),
});

export const InvitationSchema = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    email: z.string().openapi({ description: 'The invited address (shown only to those who manage the organisation’s members)' }),
    role: RoleSchema,
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .openapi('Invitation');
export type Invitation = z.infer<typeof InvitationSchema>;
export const InvitationListSchema = z.object({ data: z.array(InvitationSchema), next: z.null() }).openapi('InvitationList');
export const InvitationInputSchema = z
  .object({
    email: z
      .email()
      .max(254)
      .transform((e) => e.trim().toLowerCase())
      .openapi({ type: 'string', format: 'email' }),
    role: RoleSchema.default('member'),
  })
  .openapi('InvitationInput');
export const InvitationParamsSchema = OrganisationParamsSchema.extend({
  invitationId: z.uuid().openapi({ param: { name: 'invitationId', in: 'path' } }),
});
export const InvitationAcceptSchema = z
  .object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'must be the token from the invitation link') })
  .openapi('InvitationAccept');
export const MembershipSchema = z.object({ organisation: OrganisationSchema, role: RoleSchema, since: z.string() }).openapi('Membership');
export type MembershipView = z.infer<typeof MembershipSchema>;
