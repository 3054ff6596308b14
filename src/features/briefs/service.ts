/**
 * Builds a country's brief: the profile (cached per data version by the indicators feature),
 * the region's and income group's profiles, the Internet-use series of all three, then the
 * sections other features contribute. An unknown or malformed code is the indicators
 * feature's not-found problem, so the page, the .md and the .docx answer alike.
 */
import type { Db } from '../../db/database.js';
import type { YearPoint } from '../../platform/charts/index.js';
import { pick, type Language } from '../../shared/localised.js';
import { countryProfile, groupProfile, listAggregates, listObservations } from '../indicators/index.js';
import { getCountry } from '../reference/index.js';
import { composeBrief } from './compose.js';
import type { BriefDocument, BriefSectionSource } from './document.js';

const INTERNET = 'internet-use';

async function groupOrNull(db: Db, code: string | null) {
  return code ? groupProfile(db, code).catch(() => null) : null;
}

async function groupSeries(db: Db, code: string | null): Promise<YearPoint[]> {
  if (!code) return [];
  const page = await listAggregates(db, INTERNET, { group: code, limit: 0 }, true).catch(() => null);
  return (page?.data ?? []).map((a) => ({ year: a.year, value: a.value }));
}

export async function buildBrief(
  db: Db,
  iso3: string,
  lang: Language,
  extraSections: readonly BriefSectionSource[] = [],
  preparedOn: Date = new Date(),
): Promise<BriefDocument> {
  const profile = await countryProfile(db, iso3);
  const country = await getCountry(db, profile.country.iso3);
  const regionCode = country.region;
  const incomeCode = country.wbIncomeGroup;
  const [region, income, own, regionSeries, incomeSeries] = await Promise.all([
    groupOrNull(db, regionCode),
    groupOrNull(db, incomeCode),
    listObservations(db, INTERNET, { countries: [profile.country.iso3], breakdown: 'total', limit: 0 }, true),
    groupSeries(db, regionCode),
    groupSeries(db, incomeCode),
  ]);
  const brief = composeBrief(
    {
      country,
      profile,
      region,
      income,
      internet: {
        country: own.data.map((o) => ({ year: o.year, value: o.value, estimate: o.estimate })).toSorted((a, b) => a.year - b.year),
        region: regionSeries,
        income: incomeSeries,
      },
      preparedOn,
    },
    lang,
  );
  const who = { iso3: profile.country.iso3, m49: profile.country.m49, name: pick(country.names, lang) };
  const extra = (await Promise.all(extraSections.map((source) => source(who, lang)))).flatMap((s) => (s ? [s] : []));
  return extra.length === 0 ? brief : { ...brief, sections: [...brief.sections, ...extra] };
}
