/**
 * The audit log: who did what, when, to which record, before → after.
 * `recordAudit` is written in the same transaction as the change it describes,
 * so an entry exists exactly when the change does. Entries name people by user
 * id only; e-mail addresses and other personal data never enter the log.
 */
import { z } from '@hono/zod-openapi';
import { stringify } from 'csv-stringify/sync';
import { type Actor, userIdOf } from '../../core/policy/actor.js';
import type { Db, WriteTx } from '../../db/database.js';
import { authorise } from '../../http/authorise.js';
import { decodeCursor, paginate } from '../../http/pagination.js';
import { presentEntry } from './presenters.js';
import type { Insertable } from 'kysely';
import type { AuditLogTable } from '../../db/schema.js';
import * as repo from './repository.js';
import type { AuditEntry, AuditQuery } from './schemas.js';

/** The system itself acting (a migration, a scheduled job, the bootstrap command). */
export const SYSTEM = { kind: 'system' } as const;

export interface AuditEvent {
  readonly actor: Actor | typeof SYSTEM;
  /** `<resource>.<verb>`, e.g. `organisation.update`, `auth.sign-in-failed`. */
  readonly action: string;
  readonly resourceType: string;
  readonly resourceId?: string | null;
  /** The person the entry is about, when that is not the actor (a changed membership). */
  readonly subjectId?: string | null;
  /** Presented values (never rows with secrets or e-mail addresses). */
  readonly before?: unknown;
  readonly after?: unknown;
  readonly requestId?: string | null;
}

/**
 * Appends one entry, inside the caller's transaction.
 * @example await db.transaction().execute(async (tx) => { …change…; await recordAudit(tx, { actor, action: 'organisation.update', resourceType: 'organisation', resourceId: id, before, after, requestId }) })
 */
export async function recordAudit(tx: WriteTx | Db, event: AuditEvent): Promise<void> {
  await repo.insertEntry(tx, entryOf(event));
}

/**
 * Many events at once, in the caller's transaction: a bulk import audits every record it
 * created or changed in one statement instead of one round trip per record.
 * @example await recordAudits(tx, rows.map((row) => ({ actor, action: 'offering.import-create', resourceType: 'offering', resourceId: row.id })))
 */
export async function recordAudits(tx: WriteTx | Db, events: readonly AuditEvent[]): Promise<void> {
  if (events.length > 0) await repo.insertEntries(tx, events.map(entryOf));
}

function entryOf(event: AuditEvent): Insertable<AuditLogTable> {
  const actor = event.actor;
  return {
    actor_id: userIdOf(actor),
    via: actor.kind === 'system' ? 'system' : actor.kind === 'anonymous' ? 'anonymous' : actor.via.kind,
    token_organisation_id: actor.kind === 'user' && actor.via.kind === 'token' ? actor.via.organisationId : null,
    action: event.action,
    resource_type: event.resourceType,
    resource_id: event.resourceId ?? null,
    subject_id: event.subjectId ?? null,
    before: event.before === undefined ? null : JSON.stringify(event.before),
    after: event.after === undefined ? null : JSON.stringify(event.after),
    request_id: event.requestId ?? null,
  };
}

/**
 * A completed sign-in: the session is usable from now on. `method` is how it
 * completed — `password` or `oidc` alone, or `totp` for a second factor that
 * completed a pending session (after a password or single sign-on). Called by
 * the accounts feature (password, API, second factor) and by single sign-on.
 * @example await recordSignIn(tx, { userId, method: 'password', requestId })
 */
export async function recordSignIn(
  tx: WriteTx | Db,
  input: { userId: string; method: 'password' | 'oidc' | 'totp'; requestId?: string | null },
): Promise<void> {
  await recordAudit(tx, {
    actor: { kind: 'user', userId: input.userId, platformRole: null, memberships: [], via: { kind: 'session' } },
    action: 'auth.sign-in',
    resourceType: 'user',
    resourceId: input.userId,
    subjectId: input.userId,
    after: { method: input.method },
    requestId: input.requestId ?? null,
  });
}

/**
 * A refused sign-in. `userId` is the account the attempt named, or null when the
 * address matches no account; the address itself is never recorded.
 * @example await recordFailedSignIn(db, { userId: null, reason: 'credentials', requestId })
 */
export async function recordFailedSignIn(
  tx: WriteTx | Db,
  input: { userId: string | null; reason: 'credentials' | 'unverified' | 'second-factor'; requestId?: string | null },
): Promise<void> {
  await recordAudit(tx, {
    actor: { kind: 'anonymous' },
    action: 'auth.sign-in-failed',
    resourceType: 'user',
    resourceId: input.userId,
    subjectId: input.userId,
    after: { reason: input.reason },
    requestId: input.requestId ?? null,
  });
}

/**
 * A request authenticated by an API token. The accounts feature calls it at
 * most once per token per minute (see accounts/authentication.ts), so an entry
 * marks the first request of a minute of use, not every request.
 * @example await recordTokenUse(db, { actor, tokenId, method: 'POST', path: '/api/v1/…', requestId })
 */
export async function recordTokenUse(
  tx: WriteTx | Db,
  input: { actor: Actor; tokenId: string; method: string; path: string; requestId?: string | null },
): Promise<void> {
  await recordAudit(tx, {
    actor: input.actor,
    action: 'token.use',
    resourceType: 'api-token',
    resourceId: input.tokenId,
    after: { method: input.method, path: input.path },
    requestId: input.requestId ?? null,
  });
}

/** The most entries one CSV export carries; narrow the filter for more. */
export const CSV_LIMIT = 100_000;

function filterOf(query: AuditQuery) {
  return {
    actorId: query.actor,
    action: query.action,
    resourceType: query.resourceType,
    resourceId: query.resourceId,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
  };
}

/** A page of entries, newest first; admins only. */
export async function listAudit(db: Db, actor: Actor, query: AuditQuery): Promise<{ data: AuditEntry[]; next: string | null }> {
  authorise(actor, 'read', { type: 'audit-log' });
  const beforeId = decodeCursor(query.cursor, z.number().int().positive());
  const rows = await repo.listEntries(db, { ...filterOf(query), beforeId, limit: query.limit + 1 });
  const { items, next } = paginate(rows, query.limit, (r) => Number(r.id));
  return { data: items.map(presentEntry), next };
}

const CSV_COLUMNS = [
  'id',
  'at',
  'actorId',
  'via',
  'tokenOrganisationId',
  'action',
  'resourceType',
  'resourceId',
  'subjectId',
  'before',
  'after',
  'requestId',
] as const;

/** Every matching entry (up to CSV_LIMIT) as CSV, newest first; admins only. */
export async function exportAuditCsv(db: Db, actor: Actor, query: AuditQuery): Promise<string> {
  authorise(actor, 'export', { type: 'audit-log' });
  const rows = await repo.listEntries(db, { ...filterOf(query), limit: CSV_LIMIT });
  const records = rows.map(presentEntry).map((e) =>
    CSV_COLUMNS.map((column) => {
      const value = e[column];
      return csvCell(value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));
    }),
  );
  return stringify(records, { header: true, columns: [...CSV_COLUMNS] });
}

/**
 * Neutralises spreadsheet formulas (CSV injection): a cell starting with
 * = + - @ or a control character is prefixed with an apostrophe.
 * @example csvCell('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 */
export function csvCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Entries a person made or that are about them, for their own data export. */
export async function auditAbout(db: Db, userId: string): Promise<AuditEntry[]> {
  return (await repo.entriesAbout(db, userId)).map(presentEntry);
}
