/**
 * Every outgoing mail as a row with a state, so that it is sent by a job, retried,
 * never lost and sent once (src/platform/mail/). The content is erased once the mail
 * has left (sent, or kept in the outbox); the row keeps only its state for a while.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mails')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    // The Message-ID header, the same on every attempt, so a receiving system can tell a
    // repeat (after a crash between the server's acceptance and our record of it).
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('queued','sending','sent','kept')`))
    .addColumn('lang', 'text', (c) => c.notNull())
    // Null once the mail has left: nothing personal is kept longer than needed.
    .addColumn('recipient', 'text')
    .addColumn('subject', 'text')
    .addColumn('body_text', 'text')
    .addColumn('body_html', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    // Why the last attempt failed or why the mail went to the outbox: an SMTP code or
    // an error code such as ECONNREFUSED, never the server's text (it may quote the address).
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .addCheckConstraint('mails_content_until_finished', sql`(state in ('queued','sending')) = (recipient is not null)`)
    .execute();
  await db.schema.createIndex('mails_recipient').on('mails').column('recipient').execute();
  await db.schema.createIndex('mails_finished').on('mails').column('finished_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('mails').ifExists().execute();
}
