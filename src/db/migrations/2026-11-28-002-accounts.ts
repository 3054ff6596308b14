/**
 * People and organisations: users, server-side sessions, organisations of a
 * stated kind, and memberships with a role. Every later record is owned by an
 * organisation (`owner_org_id` referencing organisations.id).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // Stored lower-cased and trimmed by the application; unique as stored.
    .addColumn('email', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`email = lower(email) and position('@' in email) > 1`),
    )
    .addColumn('display_name', 'text', (c) => c.notNull())
    // argon2id PHC string; null for accounts that only sign in through single sign-on.
    .addColumn('password_hash', 'text')
    .addColumn('email_verified_at', 'timestamptz')
    .addColumn('platform_role', 'text', (c) => c.check(sql`platform_role in ('admin','coordinator')`))
    .addColumn('totp_secret', 'text')
    .addColumn('totp_enabled_at', 'timestamptz')
    .addColumn('preferred_lang', 'text', (c) => c.check(sql`preferred_lang in ('ar','zh','en','fr','ru','es')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('sessions')
    // SHA-256 of the 128-bit random id in the cookie: a database leak yields no usable session.
    .addColumn('id_hash', 'bytea', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    // Second factor still owed (TOTP): the session may only complete sign-in.
    .addColumn('pending_second_factor', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('csrf_secret', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('organisations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('acronym', 'text')
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('member-state','un-entity','intergovernmental','private-sector','academia','civil-society')`),
    )
    .addColumn('country_m49', 'char(3)', (c) => c.references('countries.m49'))
    .addColumn('website', 'text')
    .addColumn('description', 'text')
    .addColumn('verification', 'text', (c) =>
      c
        .notNull()
        .defaultTo('unverified')
        .check(sql`verification in ('unverified','verified')`),
    )
    .addColumn('verified_at', 'timestamptz')
    .addColumn('verified_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    // Lower-case e-mail domains whose single-sign-on users join this organisation.
    .addColumn('email_domains', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index organisations_name on organisations (lower(name))`.execute(db);

  await db.schema
    .createTable('memberships')
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner','editor','member')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('memberships_pk', ['organisation_id', 'user_id'])
    .execute();
  await db.schema.createIndex('memberships_user').on('memberships').column('user_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['memberships', 'organisations', 'sessions', 'users']) await db.schema.dropTable(table).ifExists().execute();
}
