/**
 * Credentials and their safeguards: one-time account tokens (e-mail
 * verification, password reset, change of e-mail), API tokens, the mail
 * outbox, shared rate-limit counters and per-account sign-in failures.
 * Every secret is stored as its SHA-256, never as issued.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('account_tokens')
    .addColumn('id_hash', 'bytea', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('verify-email','reset-password','change-email')`))
    // The address being confirmed by a change of e-mail; null for the other purposes.
    .addColumn('new_email', 'text', (c) => c.check(sql`new_email = lower(new_email)`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('account_tokens_user').on('account_tokens').columns(['user_id', 'purpose']).execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 100`))
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('read','write')`))
    .addColumn('token_hash', 'bytea', (c) => c.notNull().unique())
    // The first characters after `dcp_`, so a person can tell tokens apart; not enough to use one.
    .addColumn('hint', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // Fixed windows shared by every app instance: key → count since window_start.
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'timestamptz', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute();

  // Keyed by the SHA-256 of the lower-cased address, so unknown addresses are slowed down exactly like known ones.
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('email_hash', 'bytea', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('blocked_until', 'timestamptz')
    .execute();

  await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();
  // The last TOTP time step accepted, so a code cannot be replayed within its window.
  await db.schema.alterTable('users').addColumn('totp_last_step', 'bigint').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('totp_last_step').execute();
  await db.schema.alterTable('sessions').dropColumn('user_agent').execute();
  for (const table of ['sign_in_failures', 'rate_limits', 'outbox', 'api_tokens', 'account_tokens'])
    await db.schema.dropTable(table).ifExists().execute();
}
