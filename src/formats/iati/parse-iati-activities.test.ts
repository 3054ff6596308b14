import { describe, expect, it } from 'vitest';
import { countries, readFixture, readRealFile } from '../../../test/fixtures/iati/real-files.js';
import { parseIatiActivities } from './parse-iati-activities.js';
import { IatiFormatError, type IatiProblem } from './problems.js';

function parse(xml: string, fileName = 'test.xml') {
  return parseIatiActivities(xml, { fileName, countries });
}

/** The refusal a file gets, as `code line:column message`. */
function refusal(xml: string): IatiProblem {
  try {
    parse(xml);
  } catch (error) {
    if (error instanceof IatiFormatError) return error.iati;
    throw error;
  }
  throw new Error('the file was not refused');
}

const at = (problems: readonly IatiProblem[], code: string) => problems.filter((p) => p.code === code).map((p) => `${p.line}:${p.column}`);

describe('parseIatiActivities on the official annotated example', () => {
  const result = parse(readRealFile('activity-standard-example-annotated.xml'), 'annotated.xml');
  const [project] = result.projects;

  it('reads its one activity with every part the platform uses', () => {
    expect(result).toMatchObject({ activitiesRead: 1, version: '2.03', generatedDatetime: '2014-09-10T07:15:37Z' });
    expect(project).toMatchObject({
      iatiIdentifier: 'AA-AAA-123456789-ABC123',
      defaultLanguage: 'en',
      defaultCurrency: 'USD',
      humanitarian: true,
      status: 'implementation',
      dates: { plannedStart: '2012-04-15', actualStart: '2012-04-28', plannedEnd: '2015-12-31', actualEnd: null },
      reportingOrg: { ref: 'AA-AAA-123456789', type: 'multilateral', secondaryReporter: false },
      recipientCountries: [
        { iso3: 'AFG', percentage: 25 },
        { iso3: 'ATG', percentage: 25 },
      ],
      recipientRegions: [
        { code: '489', vocabulary: '1', vocabularyUri: null, percentage: 25 },
        { code: 'A1', vocabulary: '99', vocabularyUri: 'http://example.com/vocab.html', percentage: 25 },
      ],
      budgets: [
        {
          type: 'original',
          status: 'indicative',
          periodStart: '2014-01-01',
          periodEnd: '2014-12-31',
          value: { amount: 3000, currency: 'EUR', valueDate: '2014-01-01' },
        },
      ],
      transactions: [{ type: 'incoming-funds', date: '2012-01-01', value: { amount: 1000, currency: 'EUR', valueDate: '2012-01-01' } }],
    });
  });

  it('keeps every narrative with its language, the default language filling in where none is given', () => {
    expect(project?.title).toEqual([
      { lang: 'en', text: 'Activity title' },
      { lang: 'fr', text: "Titre de l'activité" },
      { lang: 'es', text: 'Título de la actividad' },
    ]);
    expect(project?.descriptions.map((d) => d.type)).toEqual(['general', 'objectives', 'target-groups']);
    expect(project?.participatingOrgs.map((o) => [o.role, o.ref, o.type])).toEqual([
      ['funding', 'BB-BBB-123456789', 'multilateral'],
      ['accountable', 'CC-CCC-123456789', 'government'],
      ['extending', 'AA-AAA-123456789', 'international-ngo'],
    ]);
  });

  it('reads sectors, tags, policy markers, contacts and document links', () => {
    expect(project?.sectors.map((s) => `${s.vocabulary}:${s.code}:${s.percentage}`)).toEqual(['2:111:50', '2:112:50', '99:A1:100']);
    expect(project?.tags.map((t) => `${t.vocabulary}:${t.code}`)).toEqual(['1:1', '99:T1']);
    expect(project?.sdgs).toEqual([]);
    expect(project?.policyMarkers.map((m) => `${m.vocabulary}:${m.code}:${m.significance}`)).toEqual(['1:2:3', '1:9:4', '99:A1:3']);
    expect(project?.contacts[0]).toMatchObject({ type: 'general', emails: ['transparency@example.org'], telephones: ['0044111222333444'] });
    expect(project?.documentLinks).toEqual([
      {
        url: 'http:www.example.org/docs/report_en.odt',
        format: 'application/vnd.oasis.opendocument.text',
        title: [
          { lang: 'en', text: 'Project Report 2013' },
          { lang: 'fr', text: 'Rapport de projet 2013' },
        ],
        description: [
          {
            lang: 'en',
            text: 'Description of the content of the project report or guidance on where to access the relevant information in this report',
          },
        ],
        categories: ['A01'],
        languages: ['en'],
        date: '2014-02-05',
      },
    ]);
  });

  it('reports what it knowingly does not use, once per element with a count, and nothing else', () => {
    expect(result.problems.every((p) => p.severity === 'info' && p.code === 'not-used')).toBe(true);
    const notUsed = Object.fromEntries(result.problems.map((p) => [p.path, p.count]));
    expect(notUsed).toMatchObject({
      'iati-activities/iati-activity/location': 2,
      'iati-activities/iati-activity/result': 1,
      'iati-activities/iati-activity/crs-add': 1,
      'iati-activities/iati-activity/transaction/provider-org': 1,
      'iati-activities/iati-activity/transaction/aid-type': 2,
    });
    expect(result.problems.find((p) => p.path === 'iati-activities/iati-activity/location')).toMatchObject({ line: 116, column: 3 });
  });
});

describe('parseIatiActivities on real published data (D-Portal food-security sample)', () => {
  const result = parse(readRealFile('dportal-foodsecurity-sample-activities.xml'), 'dportal.xml');

  it('imports all seven activities with their 63 transactions and 16 budgets', () => {
    expect(result.activitiesRead).toBe(7);
    expect(result.projects.map((p) => p.reportingOrg.ref)).toEqual([
      'XI-IATI-EC_INTPA',
      'NL-KVK-30214009',
      'NL-KVK-41155305',
      'GB-CHC-285776',
      'DE-1',
      'US-EIN-06-1597-668',
      'DE-1',
    ]);
    expect(result.projects.reduce((n, p) => n + p.transactions.length, 0)).toBe(63);
    expect(result.projects.reduce((n, p) => n + p.budgets.length, 0)).toBe(16);
    expect(result.problems.filter((p) => p.severity !== 'info')).toEqual([]);
  });

  it('reads the SDG tags and the publishers’ upper-case language codes', () => {
    const ec = result.projects[0];
    expect(ec?.sdgs).toEqual([
      { level: 'goal', code: '1', via: 'tag', percentage: null },
      { level: 'goal', code: '9', via: 'tag', percentage: null },
    ]);
    expect(ec?.recipientCountries).toEqual([{ iso3: 'COG', percentage: 100 }]);
    expect(ec?.title[0]?.lang).toBe('en');
    expect(result.projects[1]?.defaultLanguage).toBe('en'); // xml:lang="ENG"
    expect(result.projects[4]?.defaultLanguage).toBe('de');
    const normalised = result.problems.filter((p) => p.code === 'language-normalised').map((p) => p.message.split(' (')[0]);
    expect(normalised).toEqual(['xml:lang "EN" is read as "en"', 'xml:lang "ENG" is read as "en"', 'xml:lang "DE" is read as "de"']);
  });

  it('reports D-Portal’s dstore: attributes as extensions, not as errors', () => {
    const extensions = result.problems.filter((p) => p.code === 'extension');
    expect(extensions.map((p) => [p.message.split(' is ')[0], p.count, p.severity])).toEqual([
      ['extension attribute dstore:dataset', 7, 'info'],
      ['extension attribute dstore:index', 7, 'info'],
      ['extension attribute iati-activities:version', 7, 'info'],
      ['extension attribute iati-activities:linked-data-default', 2, 'info'],
    ]);
  });
});

describe('parseIatiActivities on a file with broken activities', () => {
  const result = parse(readFixture('broken-activities.xml'), 'broken-activities.xml');

  it('imports the activities that have an identifier, an owner and a title, and reports each one that has not', () => {
    expect(result.activitiesRead).toBe(6);
    expect(result.projects.map((p) => p.iatiIdentifier)).toEqual(['XM-TEST-1', 'XM-TEST-5']);
    // Activity-level refusals are reported at the activity, its <title> or its <reporting-org>.
    const activityParts = ['', '/title', '/reporting-org'].map((part) => `iati-activities/iati-activity${part}`);
    const refused = result.problems.filter((p) => p.severity === 'error' && activityParts.includes(p.path ?? ''));
    expect(refused.map((p) => [p.code, p.line])).toEqual([
      ['missing-required', 47],
      ['duplicate-identifier', 51],
      ['missing-required', 59],
      ['missing-required', 63],
    ]);
    expect(refused[1]?.message).toContain('the first is on line 4');
    expect(refused[2]?.message).toContain('text directly inside <title>');
  });

  it('keeps what is valid in an activity and reports each bad item with its line', () => {
    const [first] = result.projects;
    expect(first?.participatingOrgs.map((o) => [o.role, o.type])).toEqual([['implementing', null]]);
    expect(first?.status).toBeNull();
    expect(first?.dates).toEqual({ plannedStart: null, actualStart: '2023-03-01', plannedEnd: null, actualEnd: null });
    expect(first?.recipientCountries).toEqual([{ iso3: 'KEN', percentage: null }]);
    expect(first?.sdgs).toEqual([{ level: 'goal', code: '9', via: 'tag', percentage: null }]);
    expect(first?.budgets).toEqual([]);
    expect(first?.transactions).toEqual([
      { type: 'expenditure', date: '2024-04-01', value: { amount: 75.5, currency: null, valueDate: '2024-04-01' } },
    ]);
    const errors = result.problems.filter((p) => p.severity === 'error' && p.activity === 'XM-TEST-1' && p.code !== 'duplicate-identifier');
    expect(errors.map((p) => `${p.code} ${p.line}:${p.column}`)).toEqual([
      'unknown-code 9:3',
      'invalid-value 12:3',
      'unknown-country 14:3',
      'invalid-value 16:3',
      'invalid-value 20:3',
      'invalid-value 28:4',
      'missing-required 30:3',
      'invalid-value 37:4',
      'invalid-value 37:4',
    ]);
  });

  it('reports unknown elements and attributes, extensions and stray text, without the parts of items already refused', () => {
    expect(at(result.problems, 'unknown-element')).toEqual(['45:3']);
    expect(at(result.problems, 'unknown-attribute')).toEqual(['8:3']);
    expect(at(result.problems, 'unexpected-text')).toEqual(['8:3']);
    expect(result.problems.filter((p) => p.code === 'extension').map((p) => p.message)).toEqual([
      'extension attribute acme:id is not used by the platform (once)',
      'extension element <acme:internal-code> is not used by the platform (once)',
    ]);
    // The refused organisation's @ref and the refused amounts' @value-date are not "not used": their items are gone.
    expect(result.problems.filter((p) => p.code === 'not-used')).toEqual([]);
  });

  it('warns when an imported project lacks what an IATI export needs', () => {
    const gaps = result.problems
      .filter((p) => p.activity === 'XM-TEST-5' && p.code === 'missing-required')
      .map((p) => p.message.split(';')[0]);
    expect(gaps).toEqual([
      'the activity has no usable <activity-status>',
      'the activity has no usable <description>',
      'the activity has no usable <participating-org>',
      'the activity has no usable <activity-date>',
      '<reporting-org> has no type',
    ]);
    expect(result.problems.every((p) => p.file === 'broken-activities.xml')).toBe(true);
  });
});

describe('parseIatiActivities refuses files it cannot read, with one error naming line and column', () => {
  it('refuses IATI 1.0x files with the reason and what to do', () => {
    expect(refusal(readFixture('version-1.03.xml'))).toMatchObject({ code: 'unsupported-version', line: 2, column: 1 });
    expect(refusal(readFixture('version-1.03.xml')).message).toMatch(/version 1\.03 is not read.*Ask the publisher for the 2\.03 file/);
    expect(refusal('<iati-activities><iati-activity/></iati-activities>')).toMatchObject({
      code: 'unsupported-version',
      message: expect.stringMatching(/states no IATI version/),
    });
    expect(refusal('<iati-activities version="3.0"/>')).toMatchObject({ code: 'unsupported-version' });
  });

  it('refuses files that are not IATI activity files', () => {
    expect(refusal(readFixture('organisation-file.xml'))).toMatchObject({
      code: 'not-iati',
      line: 2,
      message: expect.stringMatching(/organisation file/),
    });
    expect(refusal('<?xml version="1.0"?>\n<iati-activity/>')).toMatchObject({
      code: 'not-iati',
      line: 2,
      message: expect.stringMatching(/wrapped in <iati-activities/),
    });
    expect(refusal('<iati-activities xmlns="http://example.org/other" version="2.03"/>')).toMatchObject({
      code: 'not-iati',
      message: expect.stringMatching(/in namespace/),
    });
    expect(refusal('<rss version="2.0"><channel/></rss>')).toMatchObject({ code: 'not-iati', line: 1, column: 1 });
  });

  it('refuses malformed XML at the line and column where it breaks', () => {
    expect(refusal(readFixture('malformed.xml'))).toMatchObject({ code: 'malformed-xml', line: 5, column: 36 });
    expect(refusal('iati_identifier,title\nXM-1,A CSV file\n')).toMatchObject({
      code: 'malformed-xml',
      line: 1,
      column: 1,
      message: expect.stringMatching(/does not start with </),
    });
    expect(refusal('\n\n  {"json": true}')).toMatchObject({ code: 'malformed-xml', line: 3, column: 3 });
    expect(refusal('')).toMatchObject({ code: 'malformed-xml', message: expect.stringMatching(/root/) });
    expect(refusal('<iati-activities version="2.03">\n <iati-activity a="1" a="2"/>\n</iati-activities>')).toMatchObject({
      code: 'malformed-xml',
      line: 2,
    });
  });

  it('names the file in the thrown error, as the CLI prints it', () => {
    expect(() => parseIatiActivities('<x/>', { fileName: 'upload.xml', countries })).toThrow(
      /^upload\.xml:1:1: not an IATI activity file.*\[not-iati\]$/,
    );
  });
});

describe('parseIatiActivities on derived variants of the real files', () => {
  const real = readRealFile('dportal-foodsecurity-sample-activities.xml');

  it('reads a 2.02 file with the 2.03 mapping and says so once', () => {
    const result = parse(real.replace('version="2.03">', 'version="2.02">'));
    expect(result.version).toBe('2.02');
    expect(result.projects).toEqual(parse(real).projects);
    expect(result.problems.filter((p) => p.code === 'older-version')).toMatchObject([{ severity: 'info', line: 2 }]);
  });

  it('warns about a declared encoding other than UTF-8, a byte-order mark is fine', () => {
    const latin = parse(real.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'));
    expect(latin.problems.filter((p) => p.code === 'encoding-declared')).toMatchObject([{ severity: 'warning', line: 1 }]);
    expect(parse(`\uFEFF${real}`).projects).toEqual(parse(real).projects);
  });

  it('imports the other activities when one loses its title, naming that one’s line', () => {
    const broken = real.replace('<narrative xml:lang="ENG">Strengthening Civil Courage &#x2013; Partnership</narrative>', '');
    const result = parse(broken);
    expect(result.projects).toHaveLength(6);
    expect(result.problems.filter((p) => p.severity === 'error')).toMatchObject([
      { code: 'missing-required', activity: 'NL-KVK-30214009-C380', line: 143 },
    ]);
  });

  it('warns about a file without activities', () => {
    const result = parse('<iati-activities version="2.03"></iati-activities>');
    expect(result.projects).toEqual([]);
    expect(result.problems).toMatchObject([{ code: 'no-activities', severity: 'warning', line: 1, column: 1 }]);
  });
});
