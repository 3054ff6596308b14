/** Schemas of a person's data export and account deletion. */
import { z } from '@hono/zod-openapi';
import type { Db, WriteTx } from '../../db/database.js';
import { AuditEntrySchema } from '../audit/schemas.js';

/**
 * Another feature's share of a person's data (a profile, project contributions …), given to this
 * feature in app.ts so that it never imports them: its key and schema in the export, how to read
 * it, and how to erase it inside the account deletion's transaction.
 */
export interface PersonalDataPart {
  readonly name: string;
  readonly schema: z.ZodType;
  export(db: Db, userId: string): Promise<unknown>;
  erase(tx: WriteTx, userId: string): Promise<void>;
}

export const PersonalDataSchema = z
  .object({
    exportedAt: z.string(),
    account: z.object({
      id: z.uuid(),
      email: z.string(),
      displayName: z.string(),
      emailVerifiedAt: z.string().nullable(),
      platformRole: z.enum(['admin', 'coordinator']).nullable(),
      preferredLanguage: z.string().nullable(),
      twoFactorEnabled: z.boolean(),
      hasPassword: z.boolean().openapi({ description: 'False for accounts that only sign in through single sign-on' }),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
    memberships: z.array(
      z.object({ organisationId: z.uuid(), organisationName: z.string(), role: z.enum(['owner', 'editor', 'member']), since: z.string() }),
    ),
    sessions: z.array(z.object({ createdAt: z.string(), lastSeenAt: z.string(), expiresAt: z.string(), userAgent: z.string().nullable() })),
    apiTokens: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        organisationId: z.uuid(),
        scope: z.enum(['read', 'write']),
        hint: z.string(),
        createdAt: z.string(),
        lastUsedAt: z.string().nullable(),
        revokedAt: z.string().nullable(),
      }),
    ),
    invitations: z.array(
      z.object({ organisationId: z.uuid(), role: z.enum(['owner', 'editor', 'member']), createdAt: z.string(), expiresAt: z.string() }),
    ),
    auditEntries: z.array(AuditEntrySchema),
  })
  .openapi('PersonalData', {
    description:
      'Everything the platform keeps about the signed-in person. Secrets (password hash, TOTP secret, token hashes, session ids) are never exported.',
  });
export type PersonalData = z.infer<typeof PersonalDataSchema>;

/** The export's schema with each part's key (as documented in OpenAPI). */
export function personalDataSchema(parts: readonly PersonalDataPart[]) {
  if (parts.length === 0) return PersonalDataSchema;
  return PersonalDataSchema.extend(Object.fromEntries(parts.map((part) => [part.name, part.schema]))).openapi('PersonalData');
}
export const DeleteAccountRequestSchema = z
  .object({
    password: z
      .string()
      .min(1)
      .max(512)
      .optional()
      .openapi({ description: 'Your current password: required for every account that has one' }),
    totp: z
      .string()
      .regex(/^\d{6}$/, 'must be the six-digit code')
      .optional()
      .openapi({ description: 'The current two-factor code: required instead for an account that signs in only through single sign-on' }),
  })
  .openapi('DeleteAccountRequest', {
    description:
      'Proof that it is you. An account with neither a password nor two-factor sign-in proves it by having signed in (through single sign-on) in the last 10 minutes.',
  });
export type DeleteAccountRequest = z.infer<typeof DeleteAccountRequestSchema>;
