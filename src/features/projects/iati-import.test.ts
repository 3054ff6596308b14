import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { importIatiCommand } from '../../cli/iati.js';
import { FormatError } from '../../formats/csv/format-error.js';
import { body, testApp } from '../../../test/support/app.js';
import { randomAddress } from '../../../test/support/auth.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { readFixture, readRealFile, REAL_FILES, schemaErrors } from '../../../test/fixtures/iati/real-files.js';
import { importIatiFile, type IatiImportSummary } from './index.js';

const EXPECTED = {
  'activity-standard-example-annotated.xml': { activities: 1, publishers: ['AA-AAA-123456789'] },
  'dportal-foodsecurity-sample-activities.xml': {
    activities: 7,
    publishers: ['GB-CHC-285776', 'DE-1', 'NL-KVK-30214009', 'NL-KVK-41155305', 'US-EIN-06-1597-668', 'XI-IATI-EC_INTPA'],
  },
} as const;

forEachEngine('IATI import and export', (t) => {
  const app = () => testApp(t.db);
  const results: Record<string, IatiImportSummary> = {};

  beforeAll(async () => {
    for (const file of REAL_FILES) results[file] = await importIatiFile(t.db, { name: file, text: readRealFile(file) });
  });

  it.each(REAL_FILES)('imports every activity of the real file %s, reporting what it does not use with its line', (file) => {
    const result = results[file]!;
    process.stdout.write(
      `[iati] ${t.engine.name} ${file}: ${result.activitiesRead} read, ${result.created} created, ${result.refused} refused, ` +
        `problems ${JSON.stringify(result.problemCounts)}\n`,
    );
    expect(result).toMatchObject({ activitiesRead: EXPECTED[file].activities, created: EXPECTED[file].activities, updated: 0, refused: 0 });
    expect(result.problemCounts.error).toBe(0);
    expect(result.problems.length).toBeGreaterThan(0);
    for (const line of result.problems) expect(line).toMatch(new RegExp(`^${file.replace('.', '\\.')}:\\d+:\\d+: (info|warning) [a-z-]+`));
    // Each count is said once ("(7 times)"), not twice ("(7 times) (×7)").
    for (const line of result.problems) expect(line).not.toMatch(/(once|times)[^)]*\) \(×\d+\)$/);
  });

  it('matches or creates the publishers as organisations, marked as imported from IATI and unverified', async () => {
    const refs = await t.db.selectFrom('iati_organisations').select(['iati_ref', 'organisation_id', 'created_by_import']).execute();
    const expected = [...new Set(Object.values(EXPECTED).flatMap((e) => e.publishers))].toSorted();
    expect(refs.map((r) => r.iati_ref).toSorted()).toEqual(expected);
    const orgs = await t.db
      .selectFrom('organisations')
      .select(['id', 'verification', 'description'])
      .where(
        'id',
        'in',
        refs.map((r) => r.organisation_id),
      )
      .execute();
    for (const org of orgs) {
      expect(org.verification).toBe('unverified');
      expect(org.description).toMatch(/^Imported from IATI \(organisation identifier .+\); not verified/);
    }
    const projects = await t.db.selectFrom('projects').select(['lead_organisation_id', 'origin']).execute();
    expect(projects.every((p) => p.origin === 'iati' && orgs.some((o) => o.id === p.lead_organisation_id))).toBe(true);
  });

  it('changes nothing when the same file is imported again, and records each run', async () => {
    const file = REAL_FILES[1];
    const before = await t.db.selectFrom('projects').select(['id', 'version']).orderBy('id').execute();
    const again = await importIatiFile(t.db, { name: file, text: readRealFile(file) });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 7, refused: 0, organisationsCreated: 0 });
    expect(await t.db.selectFrom('projects').select(['id', 'version']).orderBy('id').execute()).toEqual(before);
    const runs = await t.db.selectFrom('project_import_runs').select(['file_name', 'created', 'unchanged']).orderBy('id').execute();
    expect(runs.at(-1)).toEqual({ file_name: file, created: 0, unchanged: 7 });
  });

  it('round-trips: export → validate → import again gives the same projects', async () => {
    const response = await app().request('/api/v1/projects?format=iati&origin=iati', { headers: { 'X-Forwarded-For': randomAddress() } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(response.headers.get('x-projects-exported')).toBe('8');
    const xml = await response.text();
    expect(schemaErrors(xml)).toBe('');
    const stored = await t.db
      .selectFrom('projects')
      .select(['iati_identifier', 'activity', 'version'])
      .orderBy('iati_identifier')
      .execute();
    const again = await importIatiFile(t.db, { name: 'export.xml', text: xml });
    expect(again).toMatchObject({ activitiesRead: 8, unchanged: 8, created: 0, updated: 0, refused: 0 });
    expect(again.problems).toEqual([]);
    expect(
      await t.db.selectFrom('projects').select(['iati_identifier', 'activity', 'version']).orderBy('iati_identifier').execute(),
    ).toEqual(stored);
  });

  it('exports one project as a valid file', async () => {
    const { id } = await t.db
      .selectFrom('projects')
      .select('id')
      .where('iati_identifier', '=', 'AA-AAA-123456789-ABC123')
      .executeTakeFirstOrThrow();
    const response = await app().request(`/api/v1/projects/${id}?format=iati`, { headers: { 'X-Forwarded-For': randomAddress() } });
    expect(response.status).toBe(200);
    const xml = await response.text();
    expect(schemaErrors(xml)).toBe('');
    expect(xml).toContain('<iati-identifier>AA-AAA-123456789-ABC123</iati-identifier>');
  });

  it('updates a project from a newer file and keeps the revision of each version', async () => {
    const text = readRealFile(REAL_FILES[0]).replace(
      '<narrative>Activity title</narrative>',
      '<narrative>Activity title, revised</narrative>',
    );
    const result = await importIatiFile(t.db, { name: 'revised.xml', text });
    expect(result).toMatchObject({ updated: 1, created: 0 });
    const project = await t.db
      .selectFrom('projects')
      .select(['id', 'title', 'version'])
      .where('iati_identifier', '=', 'AA-AAA-123456789-ABC123')
      .executeTakeFirstOrThrow();
    expect(project.title).toBe('Activity title, revised');
    const revisions = await t.db
      .selectFrom('project_revisions')
      .select(['version', 'source'])
      .where('project_id', '=', project.id)
      .orderBy('version')
      .execute();
    expect(revisions).toEqual([
      { version: 1, source: 'iati-import' },
      { version: 2, source: 'iati-import' },
    ]);
  });

  it('imports what is valid from a broken file and reports each problem with its line', async () => {
    const result = await importIatiFile(t.db, { name: 'broken-activities.xml', text: readFixture('broken-activities.xml') });
    expect(result).toMatchObject({ activitiesRead: 6, created: 2, refused: 4 });
    expect(result.problemCounts.error).toBeGreaterThan(4);
    expect(result.problems).toContainEqual(expect.stringMatching(/^broken-activities\.xml:51:\d+: error duplicate-identifier/));
    expect(result.problems).toContainEqual(expect.stringMatching(/^broken-activities\.xml:\d+:\d+: warning unknown-element .*gizmo/));
  });

  it('refuses a 1.0x file as a whole, naming line and column, and writes nothing', async () => {
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('projects')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await expect(importIatiFile(t.db, { name: 'old.xml', text: readFixture('version-1.03.xml') })).rejects.toThrow(/old\.xml:2:1: .*1\.03/);
    await expect(importIatiFile(t.db, { name: 'bomb.xml', text: readFixture('billion-laughs.xml') })).rejects.toBeInstanceOf(FormatError);
    expect(await count()).toBe(before);
  });

  it('never takes over a project the platform holds for another organisation', async () => {
    const text = readRealFile(REAL_FILES[0])
      .replace(/ref="AA-AAA-123456789"/g, 'ref="ZZ-OTHER-1"')
      .replace('<narrative>Organisation name</narrative>', '<narrative>Another publisher</narrative>');
    const result = await importIatiFile(t.db, { name: 'hijack.xml', text });
    expect(result).toMatchObject({ refused: 1, created: 0, updated: 0 });
    expect(result.problems.at(-1)).toMatch(
      /hijack\.xml: error refused \[AA-AAA-123456789-ABC123\]: the platform holds this identifier for another organisation/,
    );
  });

  it('reads a file from disk in UTF-8 or UTF-16, and names a missing file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dcp-iati-cli-'));
    try {
      const file = path.join(dir, 'utf16.xml');
      const text = readRealFile(REAL_FILES[0]).replace('encoding="UTF-8"', 'encoding="UTF-16"');
      writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
      expect(await importIatiCommand(t.db, file)).toMatchObject({ activitiesRead: 1, refused: 0 });
      await expect(importIatiCommand(t.db, path.join(dir, 'missing.xml'))).rejects.toThrow(/missing\.xml: file not found/);
      writeFileSync(path.join(dir, 'latin1.xml'), Buffer.from([0x3c, 0x61, 0xe9, 0x3e]));
      await expect(importIatiCommand(t.db, path.join(dir, 'latin1.xml'))).rejects.toThrow(/not valid UTF-8/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists imported projects with their countries and SDGs as facets', async () => {
    const page = await body<{ data: { origin: string }[]; facets: { values: Record<string, { value: string; count: number }[]> } }>(
      await app().request('/api/v1/projects?origin=iati&limit=100', { headers: { 'X-Forwarded-For': randomAddress() } }),
    );
    expect(page.data.length).toBeGreaterThanOrEqual(8);
    expect(page.facets.values['origin']).toEqual([{ value: 'iati', count: page.data.length }]);
    expect(page.facets.values['countries']?.length).toBeGreaterThan(0);
  });
});
