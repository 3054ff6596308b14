/**
 * Who is asking. Built once per request by the authentication middleware
 * (session cookie or API token) and passed to `can()`; nothing else decides access.
 */
export type PlatformRole = 'admin' | 'coordinator';
export type OrganisationRole = 'owner' | 'editor' | 'member';

export interface Membership {
  readonly organisationId: string;
  readonly role: OrganisationRole;
}

export type Actor =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly platformRole: PlatformRole | null;
      readonly memberships: readonly Membership[];
      /** How the request authenticated; a token acts for one organisation with a scope. */
      readonly via:
        { readonly kind: 'session' } | { readonly kind: 'token'; readonly organisationId: string; readonly scope: 'read' | 'write' };
    };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

/**
 * The signed-in user behind an action (a record's author, an audit entry's actor); null for
 * anonymous and for the platform itself (audit's SYSTEM, imports and jobs acting on their own).
 */
export const userIdOf = (actor: Actor | { readonly kind: 'system' }): string | null => (actor.kind === 'user' ? actor.userId : null);
