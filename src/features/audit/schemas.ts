/** Request and response schemas of the audit API. */
import { z } from '@hono/zod-openapi';
import { PageQuerySchema, pageOf } from '../../http/pagination.js';
import { text } from '../../http/text.js';

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string().openapi({ example: '2026-11-29T10:15:00.000Z' }),
    actorId: z.string().nullable().openapi({ description: 'The user who acted; null for anonymous and system events' }),
    via: z.enum(['anonymous', 'session', 'token', 'system']),
    tokenOrganisationId: z.string().nullable().openapi({ description: 'The organisation a token acted for' }),
    action: z.string().openapi({ example: 'membership.role-change' }),
    resourceType: z.string().openapi({ example: 'membership' }),
    resourceId: z.string().nullable(),
    subjectId: z.string().nullable().openapi({ description: 'The person the entry is about, when not the actor' }),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    requestId: z.string().nullable(),
  })
  .openapi('AuditEntry');
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = PageQuerySchema.extend({
  actor: z.uuid().optional().openapi({ description: 'Only entries by this user id' }),
  action: z
    .string()
    .max(60)
    .regex(/^[a-z0-9.-]+$/)
    .optional()
    .openapi({ example: 'auth.sign-in-failed' }),
  resourceType: z
    .string()
    .max(40)
    .regex(/^[a-z0-9-]+$/)
    .optional()
    .openapi({ example: 'organisation' }),
  resourceId: text().max(100).optional(),
  from: z.iso
    .datetime({ offset: true })
    .optional()
    .openapi({ description: 'From this instant (inclusive)', example: '2026-11-01T00:00:00Z' }),
  to: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Until this instant (exclusive)' }),
  format: z
    .enum(['json', 'csv'])
    .optional()
    .openapi({ description: 'csv returns every matching entry as text/csv (also chosen by Accept: text/csv)' }),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditPageSchema = pageOf(AuditEntrySchema).openapi('AuditPage');
