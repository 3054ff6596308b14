/**
 * Map classes: ITU's progress bands where the indicator has an at-least 2030 target (the same
 * `bandForScore` the profile uses, so a country's colour and its profile band always agree),
 * otherwise quantiles of the mapped values. Quantile edges are rounded to the indicator's
 * decimals first and values are compared at that precision, so the legend's printed ranges
 * and the colours can never disagree about a country on an edge.
 */
import { scaleQuantile } from 'd3-scale';
import { BAND_EDGES, bandForScore, targetScore, type Band } from '../../../core/indicators/index.js';
import { t } from '../../../i18n/i18n.js';
import type { Language } from '../../../shared/localised.js';
import { formatEdge, formatValue } from '../format.js';
import { rampIndexes } from '../palette.js';
import { CHART_WORDS } from '../words.js';

/** How the map groups values into colours. */
export type MapClassSpec =
  /** ITU bands of an at-least target (e.g. 100 for internet use 100 %): < 50 %, 50–75, 75–95, ≥ 95 of it. */
  | { readonly kind: 'target-bands'; readonly target: number }
  /** Equal-count classes of the mapped values (3 to 5; default 5). */
  | { readonly kind: 'quantiles'; readonly count?: 3 | 4 | 5 };

export interface MapClass {
  /** CSS class of its colour: k0 (lightest) … k4 (darkest). */
  readonly css: string;
  /** The legend text: "limited: below 50" or "12.5 to under 30.1". */
  readonly label: string;
}

export interface Classification {
  readonly classes: readonly MapClass[];
  /** Index into `classes` for a value. */
  classOf(value: number): number;
}

const BANDS: readonly Band[] = ['limited', 'satisfactory', 'advanced', 'target-met'];

/**
 * @example classify({ kind: 'target-bands', target: 100 }, values, 'en', 1).classOf(80) // 2 (advanced)
 */
export function classify(spec: MapClassSpec, values: readonly number[], lang: Language, decimals: number): Classification {
  return spec.kind === 'target-bands' ? bands(spec.target, lang, decimals) : quantiles(spec.count ?? 5, values, lang, decimals);
}

function ranges(edges: readonly string[], lang: Language): string[] {
  const words = CHART_WORDS[lang];
  if (edges.length === 0) return [];
  return [words.below(edges[0]!), ...edges.slice(1).map((b, i) => words.between(edges[i]!, b)), words.atLeast(edges.at(-1)!)];
}

function bands(target: number, lang: Language, decimals: number): Classification {
  if (!(target > 0) || !Number.isFinite(target)) throw new RangeError(`a band target must be a positive number, got ${target}`);
  const edges = [BAND_EDGES.satisfactory, BAND_EDGES.advanced, BAND_EDGES.targetMet].map((score) =>
    formatEdge(lang, (score * target) / 100, decimals),
  );
  const texts = ranges(edges, lang);
  const css = rampIndexes(BANDS.length);
  return {
    classes: BANDS.map((band, i) => ({ css: `k${css[i]!}`, label: `${t(lang, `connect.band.${band}`)}: ${texts[i]!}` })),
    classOf: (value) => BANDS.indexOf(bandForScore(targetScore(value, { kind: 'at-least', value: target }))),
  };
}

function quantiles(count: number, values: readonly number[], lang: Language, decimals: number): Classification {
  if (![3, 4, 5].includes(count)) throw new RangeError(`quantile maps have 3 to 5 classes, got ${count}`);
  const round = (v: number) => Number(v.toFixed(decimals));
  const rounded = values.map(round);
  const low = Math.min(...rounded);
  const cuts =
    values.length === 0
      ? []
      : scaleQuantile<number>()
          .domain(rounded)
          .range(Array.from({ length: count }, (_, i) => i))
          .quantiles();
  // Equal or empty-below edges would make classes nobody falls in: keep distinct edges above the minimum.
  const edges = [...new Set(cuts.map(round))].filter((e) => e > low).toSorted((a, b) => a - b);
  const css = rampIndexes(edges.length + 1);
  const texts =
    edges.length === 0
      ? [CHART_WORDS[lang].atLeast(formatValue(lang, low, decimals))]
      : ranges(
          edges.map((e) => formatEdge(lang, e, decimals)),
          lang,
        );
  return {
    classes: texts.map((label, i) => ({ css: `k${css[i]!}`, label })),
    classOf: (value) => edges.filter((e) => round(value) >= e).length,
  };
}
