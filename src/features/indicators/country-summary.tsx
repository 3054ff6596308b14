/**
 * The profile's opening paragraph: the country's digital picture in three or four plain
 * sentences — Internet use with its band, trend and the years to the 2030 target at this pace;
 * 4G coverage; affordability (or that no price is held); how many targets are not met.
 */
import { t } from '../../i18n/i18n.js';
import { pick, type Language } from '../../shared/localised.js';
import { trendText, valueText, yearText } from './page-text.js';
import type { ProfileIndicator } from './schemas.js';
import type { CountryView } from './views.js';

function internetSentence(lang: Language, i: ProfileIndicator | undefined, country: string): string {
  if (!i?.latest) return t(lang, 'profiles.summary.noInternet', { country });
  const value = valueText(lang, { ...i, decimals: 0 }, i.latest.value);
  const year = yearText(lang, i.latest.year);
  const use = i.band
    ? t(lang, 'profiles.summary.use', { value, year, band: t(lang, `connect.band.${i.band}`) })
    : t(lang, 'profiles.summary.useNoBand', { value, year });
  if (!i.trend) return t(lang, 'profiles.summary.one', { a: use });
  const trend = trendText(lang, i, i.trend.slope);
  const outlook = i.targetMet
    ? t(lang, 'profiles.summary.met')
    : i.onTrack
      ? t(lang, 'profiles.summary.onTrack')
      : i.yearsToTarget === null
        ? t(lang, 'profiles.summary.never')
        : t(lang, 'profiles.summary.years', { years: i.yearsToTarget });
  return t(lang, 'profiles.summary.three', { a: use, b: trend, c: outlook });
}

export function CountrySummary(props: { lang: Language; view: CountryView }) {
  const { lang, view } = props;
  const country = pick(view.country.names, lang);
  const byCode = new Map(view.profile.indicators.map((i) => [i.code, i]));
  const sentences = [internetSentence(lang, byCode.get('internet-use'), country)];
  const coverage = byCode.get('mobile-coverage-4g');
  if (coverage?.latest)
    sentences.push(
      t(lang, 'profiles.summary.coverage', {
        value: valueText(lang, { ...coverage, decimals: 0 }, coverage.latest.value),
        year: yearText(lang, coverage.latest.year),
      }),
    );
  const price = byCode.get('broadband-affordability');
  sentences.push(
    price?.latest
      ? t(lang, 'profiles.summary.price', { value: valueText(lang, price, price.latest.value), year: yearText(lang, price.latest.year) })
      : t(lang, 'profiles.summary.noPrice', { country }),
  );
  const targets = view.profile.indicators.filter((i) => i.target && i.latest);
  const short = targets.filter((i) => i.targetMet === false).length;
  if (targets.length > 0) sentences.push(t(lang, 'profiles.summary.gaps', { short, total: targets.length }));
  return <p class="lead summary">{sentences.join(' ')}</p>;
}
