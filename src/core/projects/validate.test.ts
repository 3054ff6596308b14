import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectArbitrary } from '../../../test/fixtures/iati/project-arbitraries.js';
import { sdgGoalOf, sdgGoalsOf, sortSdgLinks } from './sdg.js';
import type { Project, SdgLink } from './types.js';
import { currencyOf, validateProject } from './validate.js';
import { canonicalLanguage, isDateTime, isIsoDate, isXmlSafe } from './values.js';

/** A small valid project, as a builder's base. */
const sample: Project = {
  iatiIdentifier: 'XM-DAC-41114-PRJ-1',
  lastUpdated: '2026-01-15T09:00:00Z',
  defaultLanguage: 'en',
  defaultCurrency: 'USD',
  humanitarian: false,
  reportingOrg: { ref: 'XM-DAC-41114', type: 'multilateral', secondaryReporter: false, name: [{ lang: 'en', text: 'UNDP' }] },
  title: [{ lang: 'en', text: 'Digital public infrastructure' }],
  descriptions: [{ type: 'general', text: [{ lang: 'fr', text: 'Infrastructure publique numérique' }] }],
  participatingOrgs: [
    { role: 'implementing', ref: null, type: 'government', activityId: null, name: [{ lang: 'en', text: 'Ministry of ICT' }] },
  ],
  status: 'implementation',
  dates: { plannedStart: '2025-01-01', actualStart: null, plannedEnd: '2027-12-31', actualEnd: null },
  contacts: [],
  recipientCountries: [{ iso3: 'KEN', percentage: 100 }],
  recipientRegions: [],
  sectors: [{ vocabulary: '1', vocabularyUri: null, code: '22040', percentage: 100, name: [] }],
  tags: [],
  sdgs: [{ level: 'goal', code: '9', via: 'tag', percentage: null }],
  policyMarkers: [],
  budgets: [
    {
      type: 'original',
      status: 'committed',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      value: { amount: 250000, currency: null, valueDate: '2025-01-01' },
    },
  ],
  transactions: [],
  documentLinks: [],
};

describe('validateProject', () => {
  it('finds nothing wrong with a valid project, built or generated', () => {
    expect(validateProject(sample)).toEqual([]);
    fc.assert(
      fc.property(projectArbitrary, (project) => {
        expect(validateProject(project)).toEqual([]);
      }),
    );
  });

  it('names every issue by its field path', () => {
    const bad: Project = {
      ...sample,
      iatiIdentifier: ' padded ',
      defaultLanguage: 'en',
      defaultCurrency: 'euro',
      title: [],
      descriptions: [{ type: 'general', text: [{ lang: null, text: 'no language although the project has a default' }] }],
      dates: { plannedStart: '2024-02-30', actualStart: null, plannedEnd: '1850-01-01', actualEnd: null },
      recipientCountries: [{ iso3: 'KE', percentage: 120 }],
      sdgs: [{ level: 'indicator', code: '4.4.1', via: 'tag', percentage: null }],
      budgets: [
        {
          type: 'original',
          status: 'indicative',
          periodStart: '2024-12-31',
          periodEnd: '2024-01-01',
          value: { amount: Number.NaN, currency: null, valueDate: '2024-01-01' },
        },
      ],
      transactions: [{ type: 'disbursement', date: '2024-01-01', value: { amount: 2e15, currency: 'USD', valueDate: '2024-01-01' } }],
    };
    expect(validateProject(bad).map((issue) => issue.path)).toEqual([
      'iatiIdentifier',
      'title',
      'descriptions.0.text.0.lang',
      'dates.plannedStart',
      'dates.plannedEnd',
      'recipientCountries.0.iso3',
      'recipientCountries.0.percentage',
      'sdgs.0.via',
      'defaultCurrency',
      'budgets.0.periodEnd',
      'budgets.0.value.amount',
      'transactions.0.value.amount',
    ]);
  });

  it('keeps SDG vocabularies out of sectors and tags, and SDG codes of the right level', () => {
    const issues = validateProject({
      ...sample,
      sectors: [{ vocabulary: '7', vocabularyUri: null, code: '4', percentage: null, name: [] }],
      tags: [{ vocabulary: '3', vocabularyUri: null, code: '4.4', name: [] }],
      sdgs: [{ level: 'target', code: '4', via: 'tag', percentage: null }],
    });
    expect(issues.map((i) => i.message)).toEqual([
      'SDG vocabularies (7, 8, 9) belong in sdgs',
      'SDG vocabularies (2, 3) belong in sdgs',
      '"4" is not an SDG target code',
    ]);
  });

  it('finds the currency of an amount: its own, else the project default', () => {
    expect(currencyOf({ amount: 1, currency: 'KES', valueDate: '2024-01-01' }, { defaultCurrency: 'USD' })).toBe('KES');
    expect(currencyOf({ amount: 1, currency: null, valueDate: '2024-01-01' }, { defaultCurrency: 'USD' })).toBe('USD');
  });
});

describe('SDG links', () => {
  it('reads the goal of goal, target and indicator codes, refusing the rest', () => {
    expect(sdgGoalOf('goal', '17')).toBe(17);
    expect(sdgGoalOf('target', '4.a')).toBe(4);
    expect(sdgGoalOf('indicator', '9.c.1')).toBe(9);
    for (const [level, code] of [
      ['goal', '0'],
      ['goal', '18'],
      ['goal', '04'],
      ['target', '4'],
      ['target', '4.4.1'],
      ['indicator', '4.4'],
      ['target', '4.01'],
    ] as const) {
      expect(sdgGoalOf(level, code)).toBeNull();
    }
  });

  it('orders links canonically and lists the goals a project serves', () => {
    const links: SdgLink[] = [
      { level: 'target', code: '4.10', via: 'tag', percentage: null },
      { level: 'indicator', code: '9.c.1', via: 'sector', percentage: 50 },
      { level: 'target', code: '4.a', via: 'tag', percentage: null },
      { level: 'goal', code: '17', via: 'tag', percentage: null },
      { level: 'target', code: '4.9', via: 'tag', percentage: null },
      { level: 'goal', code: '2', via: 'tag', percentage: null },
      { level: 'goal', code: '2', via: 'sector', percentage: 100 },
    ];
    expect(sortSdgLinks(links).map((l) => `${l.level} ${l.code} ${l.via}`)).toEqual([
      'goal 2 sector',
      'goal 2 tag',
      'goal 17 tag',
      'target 4.9 tag',
      'target 4.10 tag',
      'target 4.a tag',
      'indicator 9.c.1 sector',
    ]);
    expect(sdgGoalsOf({ sdgs: links })).toEqual([2, 4, 9, 17]);
  });
});

describe('value checks', () => {
  it('accepts real days in range only', () => {
    expect(['2024-02-29', '1900-01-01', '2200-12-31'].map(isIsoDate)).toEqual([true, true, true]);
    expect(['2023-02-29', '1899-12-31', '2201-01-01', '2024-1-1', '2024-13-01'].map(isIsoDate)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(isDateTime('2014-09-10T07:15:37Z')).toBe(true);
    expect(isDateTime('2014-09-10')).toBe(false);
  });

  it('canonicalises language tags and refuses words', () => {
    expect(['EN', 'ENG', 'fre', 'pt-br', 'zh-hans-cn'].map(canonicalLanguage)).toEqual(['en', 'en', 'fr', 'pt-BR', 'zh-Hans-CN']);
    expect(['english', 'e', '', 'x-private'].map(canonicalLanguage)).toEqual([null, null, null, null]);
  });

  it('tells text XML can carry', () => {
    expect(isXmlSafe('tab\tnewline\n😀 مرحبا')).toBe(true);
    expect(isXmlSafe('bell\u0007')).toBe(false);
    expect(isXmlSafe('lone \uD800 surrogate')).toBe(false);
    expect(isXmlSafe('\uFFFE')).toBe(false);
  });
});
