/**
 * One chart of every kind, built from the real data, in English or Arabic (other languages get
 * the English words with their own numbers): Kenya's internet use with Sub-Saharan Africa and
 * lower-middle-income countries, a sparkline, a comparison of ten countries, Africa's members
 * ranked, and the world map. Shared by the structural tests, the browser test and
 * scripts/measure-charts.ts, so all three look at the same charts.
 */
import { barChart, choroplethMap, comparisonChart, sparkline, trendChart, type RenderedChart } from '../../src/platform/charts/index.js';
import type { Language } from '../../src/shared/localised.js';
import { aggregateSeries, areaName, countrySeries, mapAreas, regionMembers } from './chart-data.js';

export type ChartKind = 'trend' | 'sparkline' | 'compare' | 'bar' | 'map';

const WORDS = {
  en: {
    trend: [
      'Internet use in Kenya, 2000–2023',
      'Internet use in Kenya rose from under 1 % in 2000 to about a third of people, above Sub-Saharan Africa and close to lower-middle-income countries.',
    ],
    spark: ['Internet use in Kenya', 'Rising almost every year since 2000.'],
    compare: ['Internet use in ten countries, 2000–2023', 'All ten rose; the Republic of Korea was highest throughout, Chad lowest.'],
    bar: [
      'Internet use in Africa, 2022',
      'Countries of Africa ranked by the share of people using the Internet in 2022; Kenya highlighted.',
    ],
    map: ['Internet use, 2022', 'Share of people using the Internet in 2022 by country, in ITU’s bands towards the 2030 target of 100 %.'],
    unit: '% of population',
    country: 'Country or area',
    ssf: 'Sub-Saharan Africa',
    lmc: 'Lower-middle income',
  },
  ar: {
    trend: ['استخدام الإنترنت في كينيا، 2000–2023', 'ارتفع استخدام الإنترنت في كينيا من أقل من 1٪ في عام 2000 إلى نحو ثلث السكان.'],
    spark: ['استخدام الإنترنت في كينيا', 'يرتفع كل عام تقريبًا منذ عام 2000.'],
    compare: ['استخدام الإنترنت في عشرة بلدان، 2000–2023', 'ارتفع في البلدان العشرة جميعها.'],
    bar: ['استخدام الإنترنت في أفريقيا، 2022', 'بلدان أفريقيا مرتبة حسب نسبة مستخدمي الإنترنت في عام 2022، مع إبراز كينيا.'],
    map: ['استخدام الإنترنت، 2022', 'نسبة مستخدمي الإنترنت في عام 2022 حسب البلد، وفق نطاقات الاتحاد الدولي للاتصالات نحو غاية 2030.'],
    unit: '٪ من السكان',
    country: 'البلد أو المنطقة',
    ssf: 'أفريقيا جنوب الصحراء',
    lmc: 'الدخل المتوسط الأدنى',
  },
} as const;

const COMPARED = ['KEN', 'NGA', 'ETH', 'IND', 'BRA', 'KOR', 'EGY', 'TCD', 'PER', 'VNM'];

/** Every chart kind in `lang`. Kenya's 2023 value is marked as an estimate to show how estimates look. */
export function chartGallery(lang: Language): { kind: ChartKind; chart: RenderedChart }[] {
  const w = lang === 'ar' ? WORDS.ar : WORDS.en;
  const kenya = countrySeries('KEN', 'internet_users_pct').map((p) => (p.year === 2023 ? { ...p, estimate: true } : p));
  const axis = { label: w.unit, decimals: 1, domain: [0, 100] as const };
  const trend = trendChart({
    lang,
    id: `trend-${lang}`,
    title: w.trend[0],
    description: w.trend[1],
    axis,
    series: [
      { name: areaName('KEN', lang), points: kenya },
      { name: w.ssf, points: aggregateSeries('SSF') },
      { name: w.lmc, points: aggregateSeries('LMC') },
    ],
  });
  const spark = sparkline({
    lang,
    id: `spark-${lang}`,
    title: w.spark[0],
    description: w.spark[1],
    decimals: 1,
    valueLabel: w.unit,
    points: kenya,
  });
  const compare = comparisonChart({
    lang,
    id: `compare-${lang}`,
    title: w.compare[0],
    description: w.compare[1],
    axis,
    series: COMPARED.map((iso3) => ({ name: areaName(iso3, lang), label: iso3, points: countrySeries(iso3, 'internet_users_pct') })),
  });
  const bar = barChart({
    lang,
    id: `bar-${lang}`,
    title: w.bar[0],
    description: w.bar[1],
    nameLabel: w.country,
    valueLabel: w.unit,
    decimals: 1,
    bars: regionMembers(lang, '002', 'internet_users_pct', 2022).map((m) => ({
      name: m.name,
      value: m.value,
      highlight: m.iso3 === 'KEN',
    })),
  });
  const map = choroplethMap({
    lang,
    id: `map-${lang}`,
    title: w.map[0],
    description: w.map[1],
    valueLabel: w.unit,
    nameLabel: w.country,
    decimals: 1,
    classes: { kind: 'target-bands', target: 100 },
    areas: mapAreas(lang, 'internet_users_pct', 2022),
  });
  return [
    { kind: 'trend', chart: trend },
    { kind: 'sparkline', chart: spark },
    { kind: 'compare', chart: compare },
    { kind: 'bar', chart: bar },
    { kind: 'map', chart: map },
  ];
}
