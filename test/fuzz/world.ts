/**
 * The world the fuzz suite acts in: an organisation O with a person of every
 * role signed in (test/support/roles.ts, as the access matrix makes them), a
 * member to change, an open invitation and an API token, and the pool of
 * values the generator draws real ids, addresses and secrets from. A role whose
 * session a request ended (sign-out, account deletion) or whose membership it
 * changed is made again before its next request.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../src/db/database.js';
import { loadConfig } from '../../src/config/config.js';
import { openSession } from '../../src/features/accounts/index.js';
import { createUser, TEST_PASSWORD, type SignedIn, type TestUser } from '../support/auth.js';
import { organisation, personOf, ROLES, type PersonRole, type Role } from '../support/roles.js';
import type { Pool } from './openapi-arbitraries.js';
import { seedNeed, seedOffering } from '../support/capacity.js';

const MEMBER_ROLES = new Set<Role>(['member', 'editor', 'owner']);
const SESSION_CONFIG = loadConfig({ NODE_ENV: 'test' });

export class FuzzWorld {
  private readonly people = new Map<PersonRole, { user: TestUser; session: SignedIn }>();
  private values: Record<string, string[]> = {};
  /** Roles to check before their next request: every role after a write succeeded. */
  private readonly unchecked = new Set<PersonRole>();

  private constructor(
    private readonly db: Db,
    readonly orgId: string,
    readonly otherOrgId: string,
  ) {}

  static async create(db: Db): Promise<FuzzWorld> {
    const world = new FuzzWorld(db, await organisation(db, 'Fuzz'), await organisation(db, 'Fuzz other'));
    const owner = await createUser(db, { memberships: [{ organisationId: world.orgId, role: 'owner' }] });
    const target = await createUser(db, { memberships: [{ organisationId: world.orgId, role: 'member' }] });
    const outsider = await createUser(db);
    const invitationToken = randomBytes(32).toString('base64url');
    const invitation = await db
      .insertInto('invitations')
      .values({
        organisation_id: world.orgId,
        email: 'fuzz-invitee@example.org',
        role: 'member',
        token_hash: createHash('sha256').update(invitationToken).digest(),
        invited_by: owner.id,
        expires_at: new Date(Date.now() + 86_400_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const token = await db
      .insertInto('api_tokens')
      .values({
        user_id: owner.id,
        organisation_id: world.orgId,
        name: 'fuzz',
        scope: 'read',
        token_hash: randomBytes(32),
        hint: 'dcp_fuzz…',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // O's offering and need, so that the clearinghouse's routes by id are reached too.
    const offeringId = await seedOffering(db, world.orgId, { status: 'published' });
    const needId = await seedNeed(db, world.orgId);
    // A requested match of O's need with the other organisation's offering, so the match workflow's routes are reached.
    const providedId = await seedOffering(db, world.otherOrgId, { status: 'published', language: 'fr', languages: ['fr'] });
    const match = await db
      .insertInto('matches')
      .values({
        need_id: needId,
        offering_id: providedId,
        requester_organisation_id: world.orgId,
        provider_organisation_id: world.otherOrgId,
        status: 'requested',
        started_by: 'requester',
        score: null,
        created_by: owner.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    world.values = {
      id: [world.orgId, world.otherOrgId, token.id, randomUUID(), offeringId, needId, match.id],
      needId: [needId],
      offeringId: [offeringId, providedId],
      'organisations.id': [world.orgId, world.otherOrgId, randomUUID()],
      'tokens.id': [token.id, randomUUID()],
      organisationId: [world.orgId, world.otherOrgId],
      userId: [target.id, owner.id, outsider.id],
      actor: [owner.id, target.id],
      invitationId: [invitation.id],
      token: [invitationToken],
      email: [owner.email, target.email],
      password: [TEST_PASSWORD],
    };
    for (const role of ROLES) if (role !== 'anonymous') await world.make(role);
    return world;
  }

  /** Values by field name for the generator. */
  get pool(): Pool {
    const people = [...this.people.values()].map((p) => p.user);
    return {
      ...this.values,
      userId: [...(this.values['userId'] ?? []), ...people.map((p) => p.id)],
      email: [...(this.values['email'] ?? []), ...people.map((p) => p.email)],
    };
  }

  /** The headers a request of `role` carries (none for anonymous). */
  headersOf(role: Role): Record<string, string> {
    return role === 'anonymous' ? {} : this.people.get(role)!.session.headers;
  }

  /** Notes an answer: after a successful write, any role's session or membership may have changed. */
  noteAnswer(method: string, status: number): void {
    if (method !== 'GET' && status < 300) for (const role of this.people.keys()) this.unchecked.add(role);
  }

  /** Makes `role`'s person again when a request ended their session or changed their membership of O. */
  async ensure(role: Role): Promise<void> {
    if (role === 'anonymous' || !this.unchecked.delete(role)) return;
    const person = this.people.get(role);
    if (!person || !(await this.intact(role, person))) await this.make(role);
  }

  private async intact(role: PersonRole, person: { user: TestUser; session: SignedIn }): Promise<boolean> {
    const cookie = person.session.cookie.replace(/^dcp_session=/, '');
    const session = await this.db
      .selectFrom('sessions')
      .select('user_id')
      .where('id_hash', '=', createHash('sha256').update(cookie).digest())
      .where('pending_second_factor', '=', false)
      .where('expires_at', '>', sql<Date>`now()`)
      .executeTakeFirst();
    if (!session) return false;
    const expected = MEMBER_ROLES.has(role)
      ? { org: this.orgId, role }
      : role === 'other'
        ? { org: this.otherOrgId, role: 'member' }
        : undefined;
    if (!expected) return true;
    const membership = await this.db
      .selectFrom('memberships')
      .select('role')
      .where('organisation_id', '=', expected.org)
      .where('user_id', '=', person.user.id)
      .executeTakeFirst();
    return membership?.role === expected.role;
  }

  /**
   * A signed-in session for `user`, opened as sign-in opens it but without the argon2 work: people
   * are made again many times (every sign-out and account deletion), and sign-in itself is fuzzed.
   */
  private async sessionOf(user: TestUser): Promise<SignedIn> {
    const opened = await openSession({ db: this.db, config: SESSION_CONFIG }, user.id, { pendingSecondFactor: false, userAgent: 'fuzz' });
    const cookie = `dcp_session=${opened.cookieValue}`;
    return { cookie, csrf: opened.csrfSecret, headers: { Cookie: cookie, 'X-CSRF-Token': opened.csrfSecret } };
  }

  /** A person of `role`, signed in, with an API token of their own and an open invitation to O addressed to them. */
  private async make(role: PersonRole): Promise<void> {
    const user = await personOf(this.db, role, {
      organisationId: MEMBER_ROLES.has(role) ? this.orgId : undefined,
      otherOrganisationId: this.otherOrgId,
    });
    this.people.set(role, { user, session: await this.sessionOf(user) });
    const token = await this.db
      .insertInto('api_tokens')
      .values({
        user_id: user.id,
        organisation_id: role === 'other' ? this.otherOrgId : this.orgId,
        name: `fuzz ${role}`,
        scope: 'read',
        token_hash: randomBytes(32),
        hint: 'dcp_fuzz…',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const invitationToken = randomBytes(32).toString('base64url');
    const invitation = await this.db
      .insertInto('invitations')
      .values({
        organisation_id: this.orgId,
        email: user.email,
        role: 'member',
        token_hash: createHash('sha256').update(invitationToken).digest(),
        invited_by: null,
        expires_at: new Date(Date.now() + 86_400_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    (this.values['tokens.id'] ??= []).push(token.id);
    (this.values['invitationId'] ??= []).push(invitation.id);
    (this.values['token'] ??= []).push(invitationToken);
  }
}

/** Tables a refused request may legitimately write: counters, the audit of refusals, lazily made keys, migrations. */
const WRITTEN_BY_REFUSALS = new Set([
  'rate_limits',
  'audit_log',
  'sign_in_failures',
  'server_secrets',
  'kysely_migration',
  'kysely_migration_lock',
]);
/** Public reference and indicator data: large, and written only by imports (the CLI), never by the API. */
const IMPORTED = new Set([
  'countries',
  'groups',
  'group_members',
  'taxonomies',
  'taxonomy_terms',
  'import_runs',
  'indicators',
  'indicator_aliases',
  'observations',
  'observation_revisions',
  'published_aggregates',
  'aggregates',
]);

/**
 * A checksum of every table a request could change, found in the catalogue (so tables added by
 * later features are included without a change here). Sessions are summed without last_seen_at,
 * which any authenticated request may touch.
 */
export async function stateChecksum(db: Db): Promise<string> {
  let query = checksumQueries.get(db);
  if (!query) checksumQueries.set(db, (query = checksumQuery(db)));
  const result = await (await query).execute(db);
  return result.rows[0]!.sum;
}

const checksumQueries = new WeakMap<Db, Promise<RawBuilder<{ sum: string }>>>();

/** Builds the checksum query once per database: the catalogue is read once. */
async function checksumQuery(db: Db): Promise<RawBuilder<{ sum: string }>> {
  const tables = await db
    .selectFrom('information_schema.tables' as never)
    .select(sql<string>`table_name`.as('name'))
    .where(sql`table_schema`, '=', 'public')
    .where(sql`table_type`, '=', 'BASE TABLE')
    .orderBy(sql`table_name`)
    .execute();
  const parts = tables
    .map((t) => t.name)
    .filter((name) => !WRITTEN_BY_REFUSALS.has(name) && !IMPORTED.has(name))
    .map((name) =>
      name === 'sessions'
        ? sql`(select 'sessions:' || count(*) || ':' || coalesce(md5(string_agg(md5(row(s.id_hash, s.user_id, s.pending_second_factor, s.csrf_secret, s.expires_at)::text), ',' order by s.id_hash)), '') from sessions s)`
        : sql`(select ${name} || ':' || count(*) || ':' || coalesce(md5(string_agg(md5(t::text), ',' order by md5(t::text))), '') from ${sql.table(name)} t)`,
    );
  return sql<{ sum: string }>`select concat_ws('|', ${sql.join(parts)}) as sum`;
}
