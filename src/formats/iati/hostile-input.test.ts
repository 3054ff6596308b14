import { describe, expect, it } from 'vitest';
import { countries, readFixture, readRealFile } from '../../../test/fixtures/iati/real-files.js';
import { parseIatiActivities, type ParseIatiOptions } from './parse-iati-activities.js';
import { IatiFormatError, type IatiProblem } from './problems.js';

// Speed is not asserted here (benchmarks measure speed); these inputs would exhaust memory or
// hang the test until its timeout if they were expanded or walked to the end instead of refused.

function refusal(xml: string, limits?: ParseIatiOptions['limits']): IatiProblem {
  try {
    parseIatiActivities(xml, { fileName: 'hostile.xml', countries, ...(limits ? { limits } : {}) });
  } catch (error) {
    if (error instanceof IatiFormatError) return error.iati;
    throw error;
  }
  throw new Error('the input was not refused');
}

describe('parseIatiActivities refuses hostile input', () => {
  it('refuses a billion-laughs entity bomb at its DOCTYPE, before any entity exists', () => {
    expect(refusal(readFixture('billion-laughs.xml'))).toMatchObject({ code: 'doctype-refused', line: 2, column: 1 });
  });

  it('refuses an external entity (XXE) without reading what it points at', () => {
    const problem = refusal(readFixture('external-entity.xml'));
    expect(problem).toMatchObject({ code: 'doctype-refused', line: 2, column: 1 });
    expect(problem.message).not.toContain('root:');
  });

  it('refuses a DOCTYPE even without entities, and an undeclared entity without one', () => {
    expect(refusal('<?xml version="1.0"?>\n<!DOCTYPE iati-activities>\n<iati-activities version="2.03"/>')).toMatchObject({
      code: 'doctype-refused',
      line: 2,
    });
    const entity =
      '<iati-activities version="2.03">\n <iati-activity><iati-identifier>&lol9;</iati-identifier></iati-activity>\n</iati-activities>';
    expect(refusal(entity)).toMatchObject({ code: 'malformed-xml', line: 2, message: expect.stringMatching(/undefined entity/) });
  });

  it('refuses a DOCTYPE-sized entity bomb (a million levels of 10×) as fast as a small one', () => {
    const levels = Array.from({ length: 60 }, (_, i) => `<!ENTITY e${i + 1} "${`&e${i};`.repeat(10)}">`).join('\n');
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e0 "ha">\n${levels}]>\n<iati-activities version="2.03"><iati-activity>&e60;</iati-activity></iati-activities>`;
    expect(refusal(bomb)).toMatchObject({ code: 'doctype-refused' });
  });

  it('refuses nesting past the depth limit at the tag that crosses it, not at the end of the file', () => {
    const depth = 200_000;
    const deep = `<iati-activities version="2.03"><iati-activity>\n${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</iati-activity></iati-activities>`;
    // Depth 1 is <iati-activities>, 2 <iati-activity>; the 41st element is the 39th <a>, at column 1 + 38 × 3.
    expect(refusal(deep)).toMatchObject({ code: 'too-deep', line: 2, column: 115, message: expect.stringMatching(/deeper than 40/) });
    expect(refusal(deep, { maxDepth: 10 })).toMatchObject({ code: 'too-deep', column: 25 });
  });

  it('refuses text longer than the size limit before parsing it', () => {
    const real = readRealFile('activity-standard-example-annotated.xml');
    expect(refusal(real, { maxLength: 10_000 })).toMatchObject({
      code: 'too-large',
      line: 1,
      message: expect.stringMatching(/at most 10000/),
    });
    // Unterminated junk of that size is refused the same way: the length is checked first.
    expect(refusal(`<iati-activities version="2.03">${'<'.repeat(20_000)}`, { maxLength: 10_000 })).toMatchObject({ code: 'too-large' });
  });

  it('refuses characters XML forbids, even as character references', () => {
    expect(
      refusal('<iati-activities version="2.03">\n<iati-activity><iati-identifier>&#0;</iati-identifier></iati-activity></iati-activities>'),
    ).toMatchObject({
      code: 'malformed-xml',
      line: 2,
    });
  });

  it('lists the first thousand problems of a file full of them and counts the rest', () => {
    const real = readRealFile('activity-standard-example-annotated.xml');
    const gizmos = '<gizmo/>'.repeat(5000);
    const result = parseIatiActivities(real.replace('<iati-identifier>', `${gizmos}<iati-identifier>`), {
      fileName: 'gizmos.xml',
      countries,
    });
    expect(result.projects).toHaveLength(1);
    expect(result.problems.filter((p) => p.code === 'unknown-element')).toHaveLength(1000);
    expect(result.problems.filter((p) => p.code === 'problems-truncated')).toMatchObject([
      { count: 4000, message: '4000 more warnings after the first 1000 problems are not listed' },
    ]);
  });

  it('reads a large file activity by activity (500 copies of the annotated example, 8.6 MB)', () => {
    const real = readRealFile('activity-standard-example-annotated.xml');
    const activity = real.slice(real.indexOf('<iati-activity '), real.indexOf('</iati-activity>') + '</iati-activity>'.length);
    const copies = Array.from({ length: 500 }, (_, i) => activity.replace('AA-AAA-123456789-ABC123', `AA-AAA-123456789-${i}`)).join('\n');
    const result = parseIatiActivities(`<iati-activities version="2.03">\n${copies}\n</iati-activities>`, {
      fileName: 'large.xml',
      countries,
    });
    expect(result.projects).toHaveLength(500);
    expect(result.projects[499]?.iatiIdentifier).toBe('AA-AAA-123456789-499');
    // Unused elements stay one aggregated problem each, however many activities carry them.
    expect(result.problems.find((p) => p.path === 'iati-activities/iati-activity/result')?.count).toBe(500);
    expect(result.problems.length).toBeLessThan(50);
  });
});
