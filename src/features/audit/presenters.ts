/** The only way audit rows leave the server: ids, never e-mail addresses (none are stored). */
import type { AuditRow } from './repository.js';
import type { AuditEntry } from './schemas.js';

export function presentEntry(row: AuditRow): AuditEntry {
  return {
    id: Number(row.id),
    at: row.at.toISOString(),
    actorId: row.actor_id,
    via: row.via,
    tokenOrganisationId: row.token_organisation_id,
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    subjectId: row.subject_id,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.request_id,
  };
}
