/**
 * The only way account data leaves the server (ENGINEERING.md §3). Never the
 * password hash, the TOTP secret, a token's hash or a session's id.
 */
import type { ApiTokenRow, UserRow } from '../../db/schema.js';
import type { ApiToken, Me } from './schemas.js';

export function presentMe(
  user: UserRow,
  memberships: readonly { organisation_id: string; name: string; role: 'owner' | 'editor' | 'member' }[],
  via: 'session' | 'token',
): Me {
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    platformRole: user.platform_role,
    emailVerified: user.email_verified_at !== null,
    twoFactorEnabled: user.totp_enabled_at !== null,
    preferredLanguage: user.preferred_lang,
    memberships: memberships.map((m) => ({ organisationId: m.organisation_id, organisationName: m.name, role: m.role })),
    authenticatedVia: via,
  };
}

export function presentToken(row: ApiTokenRow & { organisation_name: string | null }): ApiToken {
  return {
    id: row.id,
    name: row.name,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    scope: row.scope,
    hint: row.hint,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at ? new Date(row.last_used_at).toISOString() : null,
  };
}
