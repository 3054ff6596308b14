/**
 * The table types in schema.ts are written by hand; this test holds them to the
 * schema the migrations really create, on both engines: every table and column
 * declared exists, every column that exists is declared, and a column is `| null`
 * in TypeScript exactly when PostgreSQL allows NULL.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { forEachEngine } from '../../test/support/engines.js';
import { projectRoot } from '../config/config.js';

interface Declared {
  [table: string]: Record<string, { nullable: boolean }>;
}

/** Reads `export interface Database { table: XTable }` and each `XTable { column: type; }` from the source. */
function declaredSchema(): Declared {
  const source = readFileSync(path.join(projectRoot, 'src', 'db', 'schema.ts'), 'utf8');
  const interfaces = new Map<string, string[]>();
  for (const match of source.matchAll(/export interface (\w+) \{/g))
    interfaces.set(match[1]!, members(source, match.index + match[0].length));
  const database = interfaces.get('Database');
  if (!database) throw new Error('schema.ts has no Database interface');
  const declared: Declared = {};
  for (const member of database) {
    const [table, type] = member.split(':').map((part) => part.trim());
    const body = interfaces.get(type!);
    if (!body) throw new Error(`schema.ts declares ${table} as ${type}, which is not an interface in the file`);
    declared[table!] = Object.fromEntries(
      body.map((m) => {
        const colon = m.indexOf(':');
        return [m.slice(0, colon).trim(), { nullable: /\|\s*null\b/.test(m.slice(colon + 1)) }];
      }),
    );
  }
  return declared;
}

/** The members of the interface body starting at `from`, split on `;` outside nested brackets, comments dropped. */
function members(source: string, from: number): string[] {
  const result: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = from; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '/' && source[i + 1] === '*') {
      i = source.indexOf('*/', i) + 1;
      continue;
    }
    if (ch === '/' && source[i + 1] === '/') {
      i = source.indexOf('\n', i);
      continue;
    }
    if ('{<(['.includes(ch)) depth += 1;
    if ('}>)]'.includes(ch)) {
      if (depth === 0) break;
      depth -= 1;
    }
    if (ch === ';' && depth === 0) {
      if (current.trim()) result.push(current.trim());
      current = '';
    } else current += ch;
  }
  return result;
}

forEachEngine('table types', (t) => {
  it('match the migrated schema: tables, columns and nullability', async () => {
    const { rows } = await sql<{ table_name: string; column_name: string; is_nullable: 'YES' | 'NO' }>`
      select table_name, column_name, is_nullable from information_schema.columns
      where table_schema = 'public' and table_name not like 'kysely_%'
      order by table_name, ordinal_position`.execute(t.db);
    const actual: Declared = {};
    for (const r of rows) (actual[r.table_name] ??= {})[r.column_name] = { nullable: r.is_nullable === 'YES' };
    expect(declaredSchema()).toEqual(actual);
  });
});
