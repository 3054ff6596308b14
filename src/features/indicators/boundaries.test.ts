/**
 * Issue 7: the indicators feature reads countries and groups through reference/index.ts
 * (countryCodes, groupMemberships, getCountry, listGroups …), never from the reference
 * feature's tables; and it imports no other file of another feature.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = path.dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(dir)
  .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
  .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
const REFERENCE_TABLES = ['countries', 'groups', 'group_members', 'taxonomies', 'taxonomy_terms'];

describe('indicators feature boundaries', () => {
  it('queries none of the reference tables', () => {
    expect(sources.length).toBeGreaterThan(10);
    const offending = sources.flatMap(({ name, text }) =>
      REFERENCE_TABLES.filter((table) =>
        new RegExp(
          `(selectFrom|innerJoin|leftJoin|join|from|insertInto|updateTable|deleteFrom)\\(?\\s*['"\`]${table}\\b|\\b(from|join)\\s+${table}\\b`,
        ).test(text),
      ).map((table) => `${name}: ${table}`),
    );
    expect(offending).toEqual([]);
  });

  it('imports other features only through their index.ts', () => {
    const imports = sources.flatMap(({ name, text }) =>
      [...text.matchAll(/from '\.\.\/([a-z-]+)\/([^']+)'/g)].map((m) => ({ name, feature: m[1]!, file: m[2]! })),
    );
    expect(imports.filter((i) => i.feature === 'reference').length).toBeGreaterThan(0);
    expect(imports.filter((i) => i.file !== 'index.js').map((i) => `${i.name} → ${i.feature}/${i.file}`)).toEqual([]);
  });
});
