/** Request and response schemas of the accounts API (OpenAPI is generated from them). */
import { z } from '@hono/zod-openapi';
import { text } from '../../http/text.js';
import { PASSWORD_MAX } from './passwords.js';

/** A person's name as shown to others: one line of 1–100 characters. */
export const DisplayNameSchema = text().trim().min(1).max(100).openapi({ example: 'Ana Pérez' });

/** The name a person gives an API token, to tell their tokens apart. */
export const TokenNameSchema = text().trim().min(1).max(100).openapi({ example: 'Nightly export' });

export const SignInRequestSchema = z
  .object({
    email: z.email().max(254).openapi({ example: 'ana@example.org' }),
    password: z
      .string()
      .min(1)
      .max(PASSWORD_MAX * 4),
    totp: z
      .string()
      .regex(/^\d{6}$/, 'must be the six-digit code')
      .optional()
      .openapi({ description: 'The current two-factor code, for accounts that use one', example: '123456' }),
  })
  .openapi('SignInRequest');

export const MembershipSchema = z
  .object({ organisationId: z.uuid(), organisationName: z.string(), role: z.enum(['owner', 'editor', 'member']) })
  .openapi('Membership');

export const MeSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    platformRole: z.enum(['admin', 'coordinator']).nullable(),
    emailVerified: z.boolean(),
    twoFactorEnabled: z.boolean(),
    preferredLanguage: z.string().nullable(),
    memberships: z.array(MembershipSchema),
    authenticatedVia: z.enum(['session', 'token']),
  })
  .openapi('Me');
export type Me = z.infer<typeof MeSchema>;

export const MeResponseSchema = MeSchema.extend({
  csrfToken: z
    .string()
    .optional()
    .openapi({ description: 'For session requests: send it as X-CSRF-Token on every state-changing request' }),
}).openapi('MeResponse');

export const SignInResponseSchema = z
  .object({
    user: MeSchema,
    csrfToken: z.string().openapi({ description: 'Send as X-CSRF-Token on every state-changing request made with the session cookie' }),
  })
  .openapi('SignInResponse');

export const ApiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    organisationId: z.uuid(),
    organisationName: z.string().nullable(),
    scope: z.enum(['read', 'write']),
    hint: z.string().openapi({ example: 'dcp_Xk3a…', description: 'The first characters, to tell tokens apart' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
    lastUsedAt: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('ApiToken');
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const CreatedApiTokenSchema = ApiTokenSchema.extend({
  token: z.string().openapi({ description: 'The token itself, shown this once only', example: 'dcp_…' }),
}).openapi('CreatedApiToken');

export const CreateTokenRequestSchema = z
  .object({
    organisationId: z.uuid().openapi({ description: 'An organisation you belong to' }),
    scope: z.enum(['read', 'write']),
    name: TokenNameSchema,
  })
  .openapi('CreateTokenRequest');

export const TokenListSchema = z.object({ data: z.array(ApiTokenSchema), next: z.null() }).openapi('ApiTokenList');

export const TokenParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});
