import { describe, expect, it } from 'vitest';
import type { Project } from '../../core/projects/index.js';
import { countries, readRealFile, schemaErrors } from '../../../test/fixtures/iati/real-files.js';
import { IatiExportError, iatiExportIssues } from './export-issues.js';
import { parseIatiActivities } from './parse-iati-activities.js';
import { serialiseIatiActivities } from './serialise-iati-activities.js';
import { escapeAttribute, escapeText, formatDecimal } from './xml-writer.js';

const options = { generatedDatetime: '2026-11-30T12:00:00Z', countries };
const [example] = parseIatiActivities(readRealFile('activity-standard-example-annotated.xml'), {
  fileName: 'annotated.xml',
  countries,
}).projects;
if (example === undefined) throw new Error('the annotated example holds one activity');

function project(overrides: Partial<Project>): Project {
  return { ...example!, ...overrides };
}

describe('serialiseIatiActivities', () => {
  it('writes a 2.03 file with every narrative’s language, elements in schema order', () => {
    const xml = serialiseIatiActivities([example], options);
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="2026-11-30T12:00:00Z">\n',
      ),
    ).toBe(true);
    expect(xml).toContain(`<narrative xml:lang="fr">Titre de l'activité</narrative>`);
    expect(xml).toContain('<recipient-country code="AF" percentage="25"/>');
    const order = [
      '<iati-identifier>',
      '<reporting-org',
      '<title>',
      '<description',
      '<participating-org',
      '<activity-status',
      '<activity-date',
      '<contact-info',
      '<recipient-country',
      '<recipient-region',
      '<sector',
      '<tag',
      '<policy-marker',
      '<budget',
      '<transaction>',
      '<document-link',
    ];
    const positions = order.map((tag) => xml.indexOf(tag));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect(positions).toEqual(positions.toSorted((a, b) => a - b));
    expect(schemaErrors(xml)).toBe('');
  });

  it('escapes markup, quotes and line breaks so that they read back unchanged', () => {
    const tricky = 'A & B < C > D "quoted" \'single\' ]]> tab\there\r\nCRLF and 😀';
    const p = project({ title: [{ lang: 'en', text: tricky }], reportingOrg: { ...example.reportingOrg, ref: 'XM-"&<>' } });
    const xml = serialiseIatiActivities([p], options);
    expect(xml).toContain('A &amp; B &lt; C &gt; D "quoted" \'single\' ]]&gt; tab\there&#13;\nCRLF and 😀');
    expect(xml).toContain('ref="XM-&quot;&amp;&lt;&gt;"');
    expect(schemaErrors(xml)).toBe('');
    const [again] = parseIatiActivities(xml, { fileName: 'x.xml', countries }).projects;
    expect(again?.title).toEqual([{ lang: 'en', text: tricky }]);
    expect(again?.reportingOrg.ref).toBe('XM-"&<>');
  });

  it('refuses projects IATI cannot hold, listing every issue, rather than writing an invalid file', () => {
    const incomplete = project({
      iatiIdentifier: 'XM-1',
      status: null,
      descriptions: [],
      recipientCountries: [{ iso3: 'ZZZ', percentage: null }],
    });
    expect(iatiExportIssues(incomplete, countries).map((i) => i.path)).toEqual(['status', 'descriptions', 'recipientCountries.0.iso3']);
    expect(() => serialiseIatiActivities([example, incomplete], options)).toThrow(IatiExportError);
    expect(() => serialiseIatiActivities([example, incomplete], options)).toThrow(
      /3 issue\(s\).*XM-1 status: IATI requires an activity status/,
    );
    expect(() => serialiseIatiActivities([example, example], options)).toThrow(/appears twice/);
    expect(() => serialiseIatiActivities([], options)).toThrow(/at least one activity/);
    expect(() => serialiseIatiActivities([example], { ...options, generatedDatetime: 'yesterday' })).toThrow(RangeError);
  });

  it('refuses text XML cannot carry (control characters)', () => {
    const p = project({ title: [{ lang: 'en', text: 'bell \u0007' }] });
    expect(() => serialiseIatiActivities([p], options)).toThrow(/title\.0\.text: contains control characters/);
  });
});

describe('xml-writer', () => {
  it('escapes text and attribute values', () => {
    expect(escapeText('a&b<c>d"e\r')).toBe('a&amp;b&lt;c&gt;d"e&#13;');
    expect(escapeAttribute('a"b\tc\nd')).toBe('a&quot;b&#9;c&#10;d');
  });

  it('writes decimals without exponents', () => {
    expect(formatDecimal(116091.44)).toBe('116091.44');
    expect(formatDecimal(1e-7)).toBe('0.0000001');
    expect(formatDecimal(-2.5e-8)).toBe('-0.000000025');
    expect(formatDecimal(1e21)).toBe('1000000000000000000000');
    expect(formatDecimal(1.5e22)).toBe('15000000000000000000000');
    expect(Number(formatDecimal(-3.14e-10))).toBe(-3.14e-10);
  });
});
