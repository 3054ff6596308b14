/**
 * The only way organisation, member and invitation rows leave the server, for
 * the API and the pages alike. Mapped e-mail domains are shown only to those
 * who run or moderate the organisation; members appear by name and id, never
 * by e-mail address.
 */
import type { InvitationRow, OrganisationRow } from './repository.js';
import type { Invitation, Member, Organisation } from './schemas.js';

export function presentOrganisation(row: OrganisationRow, options: { showDomains: boolean }): Organisation {
  return {
    id: row.id,
    name: row.name,
    acronym: row.acronym,
    kind: row.kind,
    country: row.country_iso3,
    website: row.website,
    description: row.description,
    verification: row.verification,
    verifiedAt: row.verified_at ? row.verified_at.toISOString() : null,
    ...(options.showDomains ? { emailDomains: row.email_domains } : {}),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentMember(row: { user_id: string; display_name: string; role: Member['role']; created_at: Date }): Member {
  return { userId: row.user_id, displayName: row.display_name, role: row.role, since: row.created_at.toISOString() };
}

export function presentInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    email: row.email,
    role: row.role,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
  };
}

/** What the audit log keeps of an organisation: its public fields, before and after a change. */
export function auditSnapshot(row: OrganisationRow): Organisation {
  return presentOrganisation(row, { showDomains: true });
}
