import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { FormatError } from '../../formats/csv/format-error.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { importReference, REFERENCE_FILES } from './import-reference.js';

const dataDir = loadConfig({}).dataDir!;

/** A copy of the data directory with one file rewritten by `edit`. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dcp-data-'));
  for (const name of Object.values(REFERENCE_FILES)) cpSync(path.join(dataDir, name), path.join(dir, name));
  writeFileSync(path.join(dir, file), edit(readFileSync(path.join(dir, file), 'utf8')));
  return dir;
}

const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

forEachEngine('reference import', (t) => {
  async function fingerprint() {
    const { rows } = await sql<{ countries: string; groups: string; members: string; terms: string }>`
      select (select md5(string_agg(c::text, '|' order by m49)) from countries c) as countries,
             (select md5(string_agg(g::text, '|' order by code)) from groups g) as groups,
             (select md5(string_agg(m::text, '|' order by group_code, m49)) from group_members m) as members,
             (select md5(string_agg(x::text, '|' order by taxonomy, code)) from taxonomy_terms x) as terms`.execute(t.db);
    return rows[0];
  }

  it('loads all 248 M49 countries and areas with names in six languages', async () => {
    const rows = await t.db.selectFrom('countries').selectAll().execute();
    expect(rows).toHaveLength(248);
    const kenya = rows.find((r) => r.iso3 === 'KEN');
    expect(kenya?.names).toEqual({ ar: 'كينيا', zh: '肯尼亚', en: 'Kenya', fr: 'Kenya', ru: 'Кения', es: 'Kenya' });
    expect(kenya).toMatchObject({
      m49: '404',
      region_code: '002',
      sub_region_code: '202',
      intermediate_region_code: '014',
      wb_income_group: 'LMC',
    });
    expect(rows.every((r) => Object.values(r.names).every((n) => n.length > 0))).toBe(true);
  });

  it('makes LDC, LLDC, SIDS and income groups first-class groups with the flagged members', async () => {
    const counts = await t.db
      .selectFrom('group_members')
      .select(['group_code', (eb) => eb.fn.countAll<number>().as('n')])
      .where('group_code', 'in', ['LDC', 'LLDC', 'SIDS', 'HIC', 'LIC', 'WLD', '002'])
      .groupBy('group_code')
      .execute();
    const byCode = Object.fromEntries(counts.map((c) => [c.group_code, Number(c.n)]));
    expect(byCode).toMatchObject({ LDC: 45, LLDC: 32, SIDS: 53, WLD: 247 });
    expect(byCode['HIC']).toBeGreaterThan(50);
    expect(byCode['LIC']).toBeGreaterThan(20);
    expect(byCode['002']).toBe(60);
  });

  it('loads DigComp 2.2 (5 areas, 21 competences), the 1,284 ESCO digital skills and the 17 SDGs', async () => {
    const counts = await t.db
      .selectFrom('taxonomy_terms')
      .select(['taxonomy', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('taxonomy')
      .execute();
    const byName = Object.fromEntries(counts.map((c) => [c.taxonomy, Number(c.n)]));
    expect(byName).toMatchObject({ digcomp: 26, 'esco-digital': 1284, sdg: 17, modalities: 4, bandwidth: 3, 'organisation-kinds': 6 });
    const competence = await t.db
      .selectFrom('taxonomy_terms')
      .selectAll()
      .where('taxonomy', '=', 'digcomp')
      .where('code', '=', '2.5')
      .executeTakeFirstOrThrow();
    expect(competence.parent_code).toBe('2');
  });

  it('is idempotent: a second import changes nothing but the import log', async () => {
    const before = await fingerprint();
    await importReference(t.db, dataDir);
    expect(await fingerprint()).toEqual(before);
    const runs = await t.db.selectFrom('import_runs').selectAll().where('kind', '=', 'reference').execute();
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.at(-1)?.files.map((f) => f.name)).toContain('un_m49_countries.csv');
  });

  it('refuses a malformed cell, naming file, line, column and field, and changes nothing', async () => {
    const before = await fingerprint();
    const dir = brokenCopy(REFERENCE_FILES.m49, (text) =>
      text.replace('\n001,World,002,Africa,015,Northern Africa,,,Egypt,818,', '\n001,World,002,Africa,015,Northern Africa,,,Egypt,81X,'),
    );
    copies.push(dir);
    const error = await importReference(t.db, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FormatError);
    const problem = (error as FormatError).problem;
    expect(problem).toMatchObject({ line: 3, column: 10, field: 'M49 Code' });
    expect(problem.file.endsWith('un_m49_countries.csv')).toBe(true);
    expect(String(error)).toContain('must be a three-digit M49 code');
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses an ISO code used by two countries with its cell, not a raw unique-constraint error, and changes nothing', async () => {
    const before = await fingerprint();
    const dir = brokenCopy(REFERENCE_FILES.m49, (text) => text.replace(',Egypt,818,EG,EGY,', ',Egypt,818,EG,DZA,'));
    copies.push(dir);
    const error = await importReference(t.db, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).problem).toMatchObject({ line: 3, column: 12, field: 'ISO-alpha3 Code' });
    expect(String(error)).toContain('DZA appears twice (also M49 012)');
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses a file with a missing column or a broken row, and changes nothing', async () => {
    const before = await fingerprint();
    const noColumn = brokenCopy(REFERENCE_FILES.digcomp, (text) => text.replace('title_en', 'title'));
    const shortRow = brokenCopy(REFERENCE_FILES.names, (text) => `${text}en,999\n`);
    copies.push(noColumn, shortRow);
    await expect(importReference(t.db, noColumn)).rejects.toThrow(/digcomp_2_2_framework\.csv:1 \(title_en\): missing column/);
    await expect(importReference(t.db, shortRow)).rejects.toThrow(/un_m49_names_6lang\.csv:1490: expected 12 fields, found 2/);
    expect(await fingerprint()).toEqual(before);
  });
});

describe('reference import without a data file', () => {
  it('names the missing file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dcp-empty-'));
    copies.push(dir);
    // No database is touched: reading fails before the transaction starts.
    await expect(importReference(undefined as never, dir)).rejects.toThrow(/un_m49_countries\.csv: file not found/);
  });
});
