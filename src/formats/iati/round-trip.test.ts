import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateProject, type Project } from '../../core/projects/index.js';
import { countries, readRealFile, REAL_FILES, schemaErrors } from '../../../test/fixtures/iati/real-files.js';
import { projectArbitrary, projectsArbitrary } from '../../../test/fixtures/iati/project-arbitraries.js';
import { iatiExportIssues } from './export-issues.js';
import { parseIatiActivities } from './parse-iati-activities.js';
import { serialiseIatiActivities } from './serialise-iati-activities.js';

const GENERATED = '2026-11-30T12:00:00Z';

function serialise(projects: readonly Project[]): string {
  return serialiseIatiActivities(projects, { generatedDatetime: GENERATED, countries });
}

function parse(xml: string, fileName = 'export.xml') {
  return parseIatiActivities(xml, { fileName, countries });
}

describe('IATI round trip: import → export → validate → import', () => {
  it.each(REAL_FILES)('gives the same projects for %s, through a file that validates against the 2.03 schema', (file) => {
    const first = parse(readRealFile(file), file);
    expect(first.projects.length).toBeGreaterThan(0);
    const exported = serialise(first.projects);
    expect(schemaErrors(exported)).toBe('');
    const second = parse(exported);
    expect(second.projects).toEqual(first.projects);
    // Our own export uses nothing the platform ignores, so reading it back reports nothing.
    expect(second.problems).toEqual([]);
  });

  it('exports the real projects as valid models first (the importer never builds an invalid one)', () => {
    for (const file of REAL_FILES) {
      for (const project of parse(readRealFile(file), file).projects) expect(validateProject(project)).toEqual([]);
    }
  });

  it('reads back any valid project exactly as it was written', () => {
    fc.assert(
      fc.property(projectArbitrary, (project) => {
        expect(iatiExportIssues(project, countries)).toEqual([]);
        const again = parse(serialise([project]));
        // Generated shares need not add up to 100 (an IATI rule the importer warns about, not a model rule).
        expect(again.problems.filter((p) => p.severity !== 'info' && p.code !== 'percentages-not-100')).toEqual([]);
        expect(again.projects).toEqual([project]);
      }),
      { numRuns: 300 },
    );
  });

  it('writes files that validate against the schema, for generated projects (xmllint, one batch file per run)', () => {
    fc.assert(
      fc.property(fc.array(projectsArbitrary, { minLength: 1, maxLength: 3 }), (batches) => {
        const projects = batches.flat().filter((p, i, all) => all.findIndex((q) => q.iatiIdentifier === p.iatiIdentifier) === i);
        expect(schemaErrors(serialise(projects))).toBe('');
      }),
      { numRuns: 25 },
    );
  });
});
