/**
 * The country brief's content, from the indicators feature's profiles: the country's profile,
 * its region's and income group's profiles for context, and the series behind the charts.
 * Pure: the service loads the inputs, this decides what the brief says.
 *
 * Sections follow the Common Country Assessment's connectivity chapter: connectivity,
 * affordability, inclusion, infrastructure, skills, the 2030 scorecard, and the gaps in plain
 * words (level, band, pace to the target, region and income group, rank among peers, and what
 * is missing: "no data since 2018"). Every figure carries its year and its source with the
 * date the source published it; group figures are the platform's population-weighted
 * aggregates (the sources note says so).
 */
import { t } from '../../i18n/i18n.js';
import { pick, type Language } from '../../shared/localised.js';
import type { CountryProfile, GroupProfile, ProfileIndicator } from '../indicators/index.js';
import type { Country } from '../reference/index.js';
import { coverageFigure, internetFigure, type Series } from './figures.js';
import type { Block, BriefDocument, BriefSection, BriefSource, TableBlock } from './document.js';
import { dateOf, groupValue, nameOf, outlookText, sourceCell, statusText, targetText, trendText, valueInYear, withUnit } from './format.js';

export interface BriefInputs {
  readonly country: Country;
  readonly profile: CountryProfile;
  readonly region: GroupProfile | null;
  readonly income: GroupProfile | null;
  /** Internet use over the years: the country, its region, its income group. */
  readonly internet: { readonly country: Series; readonly region: Series; readonly income: Series };
  readonly preparedOn: Date;
}

/** Which indicators each thematic section shows, in order. */
export const SECTION_INDICATORS = {
  connectivity: ['internet-use', 'mobile-subscriptions', 'fixed-broadband-subscriptions', 'fixed-broadband-10mbps-share'],
  affordability: ['broadband-affordability', 'gni-per-capita', 'gni-per-capita-monthly'],
  inclusion: ['mobile-ownership', 'mobile-ownership-gender-parity', 'population'],
  infrastructure: ['mobile-coverage-2g', 'mobile-coverage-3g', 'mobile-coverage-4g'],
} as const;

/** A figure older than this many years before the brief's date is reported as a gap ("no data since …"). */
const STALE_AFTER_YEARS = 5;

export function composeBrief(input: BriefInputs, lang: Language): BriefDocument {
  const { profile } = input;
  const country = pick(input.country.names, lang);
  const byCode = new Map(profile.indicators.map((i) => [i.code, i]));
  const regionName = input.region ? pick(input.region.group.names, lang) : t(lang, 'brief.col.region');
  const incomeName = input.income ? pick(input.income.group.names, lang) : t(lang, 'brief.col.income');
  const context = { lang, country, regionName, incomeName, byCode, input };

  const thematic = (id: keyof typeof SECTION_INDICATORS, extra: Block[] = []): BriefSection => {
    // An indicator the catalogue gains later, not yet placed in a section, shows under connectivity rather than nowhere.
    const placed = new Set<string>(Object.values(SECTION_INDICATORS).flat());
    const unplaced = id === 'connectivity' ? profile.indicators.filter((i) => !placed.has(i.code)).map((i) => i.code) : [];
    const rows = [...SECTION_INDICATORS[id], ...unplaced].flatMap((code) => (byCode.has(code) ? [byCode.get(code)!] : []));
    const withData = rows.filter((i) => i.latest !== null);
    const blocks: Block[] =
      withData.length === 0 ? [{ kind: 'paragraph', text: t(lang, 'brief.section.empty') }] : [figuresTable(context, id, rows), ...extra];
    return { id, heading: t(lang, `brief.section.${id}`), blocks };
  };

  const internet = internetFigure(lang, country, regionName, incomeName, input.internet, byCode.get('internet-use'));
  const coverage = coverageFigure(
    lang,
    country,
    SECTION_INDICATORS.infrastructure.flatMap((c) => (byCode.has(c) ? [byCode.get(c)!] : [])),
  );
  const sections: BriefSection[] = [
    thematic('connectivity', internet ? [internet] : []),
    thematic('affordability'),
    thematic('inclusion'),
    thematic('infrastructure', coverage ? [coverage] : []),
    { id: 'skills', heading: t(lang, 'brief.section.skills'), blocks: [{ kind: 'paragraph', text: t(lang, 'brief.skills.none') }] },
    { id: 'scorecard', heading: t(lang, 'brief.section.scorecard'), blocks: [scorecard(context)] },
    { id: 'gaps', heading: t(lang, 'brief.section.gaps'), blocks: gaps(context) },
  ];

  const vintages = profile.indicators.flatMap((i) => (i.latest ? [i.latest.vintage] : [])).toSorted();
  const latestVintage = vintages.at(-1);
  return {
    lang,
    iso3: profile.country.iso3,
    country,
    title: t(lang, 'brief.title', { country }),
    subtitle: t(lang, 'brief.subtitle'),
    dated: t(lang, latestVintage ? 'brief.dated' : 'brief.datedNoData', {
      date: dateOf(lang, input.preparedOn.toISOString()),
      version: profile.dataVersion,
      vintage: latestVintage ? dateOf(lang, latestVintage) : '',
    }),
    description: t(lang, 'brief.meta', { country }),
    summary: summary(context),
    sections,
    sources: sourcesOf(profile.indicators),
    sourcesHeading: t(lang, 'brief.section.sources'),
    sourcesNote: t(lang, 'brief.sources.note'),
  };
}

interface Context {
  readonly lang: Language;
  readonly country: string;
  readonly regionName: string;
  readonly incomeName: string;
  readonly byCode: ReadonlyMap<string, ProfileIndicator>;
  readonly input: BriefInputs;
}

function groupIndicator(g: GroupProfile | null, code: string) {
  return g?.indicators.find((i) => i.code === code);
}

/** Indicator | the country | region | income group | source and publication date. */
function figuresTable(c: Context, id: string, rows: readonly ProfileIndicator[]): TableBlock {
  const { lang } = c;
  return {
    kind: 'table',
    caption: t(lang, 'brief.table.caption', {
      section: t(lang, `brief.section.${id}` as 'brief.section.connectivity'),
      country: c.country,
    }),
    head: [t(lang, 'brief.col.indicator'), c.country, c.regionName, c.incomeName, t(lang, 'brief.col.source')],
    rows: rows.map((i) => ({
      header: nameOf(lang, i),
      cells: [
        valueInYear(lang, i, i.latest),
        groupValue(lang, i, groupIndicator(c.input.region, i.code)),
        groupValue(lang, i, groupIndicator(c.input.income, i.code)),
        sourceCell(lang, i),
      ],
    })),
  };
}

function scorecard(c: Context): TableBlock {
  const { lang } = c;
  const rows = c.input.profile.indicators.filter((i) => i.target !== null);
  return {
    kind: 'table',
    caption: t(lang, 'brief.scorecard.caption', { country: c.country }),
    head: [
      t(lang, 'brief.col.indicator'),
      t(lang, 'brief.col.latest'),
      t(lang, 'brief.col.target'),
      t(lang, 'brief.col.status'),
      t(lang, 'brief.col.trend'),
      t(lang, 'brief.col.outlook'),
    ],
    rows: rows.map((i) => ({
      header: nameOf(lang, i),
      cells: [valueInYear(lang, i, i.latest), targetText(lang, i), statusText(lang, i), trendText(lang, i), outlookText(lang, i)],
    })),
  };
}

/** The gaps in plain words: each target not met, with context; then what is missing or old. */
function gaps(c: Context): Block[] {
  const { lang } = c;
  const year = c.input.preparedOn.getUTCFullYear();
  const unmet = c.input.profile.indicators.filter((i) => i.target !== null && i.latest !== null && i.targetMet === false);
  const missing = c.input.profile.indicators.filter((i) => i.latest === null || i.latest.year <= year - STALE_AFTER_YEARS);
  const blocks: Block[] = [];
  blocks.push(
    unmet.length === 0
      ? { kind: 'paragraph', text: t(lang, 'brief.gaps.noneUnmet') }
      : { kind: 'list', items: unmet.map((i) => gapSentence(c, i)) },
  );
  blocks.push({ kind: 'paragraph', text: t(lang, 'brief.gaps.missingLead') });
  blocks.push({
    kind: 'list',
    items: [
      ...missing.map((i) =>
        i.latest
          ? t(lang, 'brief.gap.stale', { indicator: nameOf(lang, i), year: String(i.latest.year) })
          : t(lang, 'brief.gap.missing', { indicator: nameOf(lang, i) }),
      ),
      t(lang, 'brief.gap.skills'),
    ],
  });
  return blocks;
}

function gapSentence(c: Context, i: ProfileIndicator): string {
  const { lang } = c;
  const parts = [
    t(lang, 'brief.gap.level', { indicator: nameOf(lang, i), value: valueInYear(lang, i, i.latest), status: statusText(lang, i) }),
  ];
  const peers = [
    [c.regionName, groupIndicator(c.input.region, i.code)],
    [c.incomeName, groupIndicator(c.input.income, i.code)],
  ] as const;
  const known = peers.filter(([, g]) => g?.latest);
  if (known.length > 0) {
    const list = known.map(([name, g]) => t(lang, 'brief.gap.groupValue', { group: name, value: groupValue(lang, i, g) })).join('; ');
    parts.push(t(lang, 'brief.gap.context', { list }));
  }
  const rank = i.ranks.find((r) => r.kind === 'region') ?? i.ranks[0];
  if (rank) {
    const group =
      rank.group === c.input.region?.group.code ? c.regionName : rank.group === c.input.income?.group.code ? c.incomeName : rank.group;
    parts.push(
      t(lang, 'brief.gap.rank', { rank: rank.rank, of: rank.of, group, from: String(rank.window.from), to: String(rank.window.to) }),
    );
  }
  const outlook = outlookText(lang, i);
  parts.push(
    outlook === '—'
      ? t(lang, 'brief.gap.trendOnly', { trend: trendText(lang, i) })
      : t(lang, 'brief.gap.pace', { trend: trendText(lang, i), outlook }),
  );
  return parts.join(' ');
}

/** The opening sentences: Internet use in words, then the scorecard in numbers. */
function summary(c: Context): string[] {
  const { lang } = c;
  const lines: string[] = [];
  const internet = c.byCode.get('internet-use');
  if (internet?.latest) {
    const outlook = outlookText(lang, internet);
    lines.push(
      t(lang, outlook === '—' ? 'brief.summary.internetNoOutlook' : 'brief.summary.internet', {
        value: withUnit(lang, internet, internet.latest.value),
        year: String(internet.latest.year),
        status: statusText(lang, internet),
        trend: trendText(lang, internet),
        outlook,
      }),
    );
  }
  const targeted = c.input.profile.indicators.filter((i) => i.target !== null);
  lines.push(
    t(lang, 'brief.summary.scorecard', {
      met: String(targeted.filter((i) => i.targetMet === true).length),
      total: String(targeted.length),
      missing: String(targeted.filter((i) => i.latest === null).length),
    }),
  );
  return lines;
}

/** Each source once, with the latest publication date of the figures taken from it. */
function sourcesOf(indicators: readonly ProfileIndicator[]): BriefSource[] {
  const latest = new Map<string, string>();
  for (const i of indicators) {
    if (!i.latest) continue;
    const seen = latest.get(i.latest.source);
    if (!seen || seen < i.latest.vintage) latest.set(i.latest.source, i.latest.vintage);
  }
  return [...latest].map(([name, vintage]) => ({ name, vintage })).toSorted((a, b) => a.name.localeCompare(b.name));
}
