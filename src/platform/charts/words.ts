/**
 * The few words the charts themselves need around the caller's text (the data table's toggle,
 * "Year", "no data", the map's legend ranges and the UN map disclaimer). They live in the ICU
 * catalogue's `charts` namespace (src/i18n/messages/<lang>/charts.json), where translators see
 * them beside the rest of the interface. Everything that names the data — titles, descriptions,
 * series, countries, units — comes from the caller in the reader's language. The ITU band names
 * and "estimate" are the interface's own (`connect.band.*`, `connect.estimate`), so they read the
 * same on a chart as in the profile.
 */
import { t } from '../../i18n/i18n.js';
import type { Language } from '../../shared/localised.js';

export interface ChartWords {
  /** The data table toggle, followed by a visually hidden ": {title}" for screen readers. */
  readonly table: string;
  readonly year: string;
  readonly value: string;
  readonly noData: string;
  /** The map table's column naming each area's class. */
  readonly mapClass: string;
  /** Map legend ranges; `a` and `b` are formatted numbers. */
  readonly below: (a: string) => string;
  readonly between: (a: string, b: string) => string;
  readonly atLeast: (a: string) => string;
  /** "{n} areas" after a legend class, the count in the language's plural. */
  readonly areas: (n: number) => string;
  /** Before the list of areas the map does not draw (no outline in the map data, or left out like Antarctica). */
  readonly notOnMap: string;
  /** The UN's standard map disclaimer. */
  readonly disclaimer: string;
}

function wordsOf(lang: Language): ChartWords {
  return {
    table: t(lang, 'charts.table'),
    year: t(lang, 'charts.year'),
    value: t(lang, 'charts.value'),
    noData: t(lang, 'charts.noData'),
    mapClass: t(lang, 'charts.mapClass'),
    below: (a) => t(lang, 'charts.below', { a }),
    between: (a, b) => t(lang, 'charts.between', { a, b }),
    atLeast: (a) => t(lang, 'charts.atLeast', { a }),
    areas: (n) => t(lang, 'charts.areas', { n }),
    notOnMap: t(lang, 'charts.notOnMap'),
    disclaimer: t(lang, 'charts.disclaimer'),
  };
}

/** The chart words per language, formatted from the catalogue once. */
export const CHART_WORDS: Readonly<Record<Language, ChartWords>> = {
  ar: wordsOf('ar'),
  zh: wordsOf('zh'),
  en: wordsOf('en'),
  fr: wordsOf('fr'),
  ru: wordsOf('ru'),
  es: wordsOf('es'),
};
