/**
 * Profiles for tests: a builder of the PUT body with overrides, and profiles saved through the
 * public service as their owner (so every seeded profile passed the same checks as a real one).
 *
 *   const ana = await createUser(db, { memberships: [{ organisationId, role: 'member' }] });
 *   await seedProfile(db, ana.id, { topics: ['cybersecurity'], visibility: { basics: 'public' } });
 */
import type { Actor } from '../../src/core/policy/actor.js';
import type { Db } from '../../src/db/database.js';
import { PROFILE_NOTICE, saveMyProfile, type OwnProfile } from '../../src/features/people/index.js';
import { ProfileInputSchema } from '../../src/features/people/schemas.js';

/** A valid first-save body (version 0, consent given), with overrides. */
export function profileBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: 0,
    consentToNotice: PROFILE_NOTICE.version,
    name: 'Amina Diallo',
    headline: 'Spectrum policy adviser',
    dutyStation: { country: 'SEN', city: 'Dakar' },
    languages: [
      { code: 'fr', level: 'native' },
      { code: 'en', level: 'C1' },
    ],
    topics: ['spectrum-management'],
    digcomp: [{ code: '4.2', level: 5 }],
    esco: [],
    expertise: ['spectrum auctions'],
    availability: [{ share: 50, from: '2027-01-01', to: '2027-12-31' }],
    bio: { text: 'Regulatory engineer who planned the national spectrum refarming.', language: 'en' },
    links: [{ url: 'https://www.itu.int/', label: 'ITU' }],
    ...overrides,
  };
}

/** The actor of a person signed in with a session, with their memberships. */
export async function sessionActorOf(db: Db, userId: string): Promise<Actor> {
  const memberships = await db.selectFrom('memberships').select(['organisation_id', 'role']).where('user_id', '=', userId).execute();
  return {
    kind: 'user',
    userId,
    platformRole: null,
    memberships: memberships.map((m) => ({ organisationId: m.organisation_id, role: m.role })),
    via: { kind: 'session' },
  };
}

/** Saves `userId`'s profile (creating it) through the service and returns it. */
export async function seedProfile(db: Db, userId: string, overrides: Record<string, unknown> = {}): Promise<OwnProfile> {
  const input = ProfileInputSchema.parse(profileBody(overrides));
  return saveMyProfile(db, { actor: await sessionActorOf(db, userId) }, input);
}

/** Gives `userId` a profile (public basics) unless they have one: for routes about one's own profile. */
export async function ensureProfile(db: Db, userId: string): Promise<void> {
  const existing = await db.selectFrom('profiles').select('user_id').where('user_id', '=', userId).executeTakeFirst();
  if (!existing) await seedProfile(db, userId, { visibility: { basics: 'public' } });
}
