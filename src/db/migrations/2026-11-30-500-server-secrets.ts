/**
 * Secrets the server makes for itself and every instance shares through the
 * database: the first instance that needs one generates it (insert … on
 * conflict do nothing), the others read the same row. Nothing is in the
 * repository or the environment. First use: the key that signs the anonymous
 * CSRF cookie (features/accounts/csrf.ts).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('server_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('secret', 'bytea', (c) => c.notNull().check(sql`length(secret) >= 32`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('server_secrets').execute();
}
