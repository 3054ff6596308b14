/**
 * What a backup holds, read from the PostgreSQL catalogue: the tables of the
 * public schema ordered parents first (by foreign key), their stored columns,
 * and the sequences. Works the same on PostgreSQL 15 to 18.
 */
import type pg from 'pg';

export interface CatalogueTable {
  readonly name: string;
  readonly columns: string[];
}

/** @example await tablesInDependencyOrder(client) // [{ name: 'countries', columns: [...] }, …] */
export async function tablesInDependencyOrder(client: pg.ClientBase): Promise<CatalogueTable[]> {
  const tables = await client.query<{ name: string; columns: string[] }>(`
    select c.relname as name,
           array_agg(a.attname::text order by a.attnum) as columns
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    where c.relkind = 'r'
    group by c.relname`);
  const references = await client.query<{ child: string; parent: string }>(`
    select distinct c.relname as child, p.relname as parent
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_class p on p.oid = k.confrelid
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    where k.contype = 'f' and c.oid <> p.oid`);
  const parents = new Map<string, Set<string>>(tables.rows.map((t) => [t.name, new Set<string>()]));
  for (const { child, parent } of references.rows) parents.get(child)?.add(parent);

  // Kahn's algorithm, alphabetical among the ready ones so the order is stable.
  const ordered: CatalogueTable[] = [];
  const byName = new Map(tables.rows.map((t) => [t.name, t]));
  const done = new Set<string>();
  while (done.size < byName.size) {
    const ready = [...byName.keys()].filter(
      (name) => !done.has(name) && [...parents.get(name)!].every((p) => done.has(p) || !byName.has(p)),
    );
    if (ready.length === 0) throw new Error(`foreign keys form a cycle among ${[...byName.keys()].filter((n) => !done.has(n)).join(', ')}`);
    for (const name of ready.toSorted()) {
      done.add(name);
      ordered.push(byName.get(name)!);
    }
  }
  return ordered;
}

/** The sequences of the public schema (serial and identity columns included). */
export async function sequenceNames(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    where c.relkind = 'S' order by c.relname`);
  return rows.map((r) => r.name);
}

/** "name" quoted as an SQL identifier. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
