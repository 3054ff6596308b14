/**
 * Connectivity fit: whether people in the demand's country can follow the
 * supply's format, judged from the country's MEASURED connectivity.
 *
 * Method
 * - Each available figure becomes a 0–1 level: internet use and 4G coverage
 *   as shares (% ÷ 100); the entry-level broadband price as 1 at ≤ 2 % of
 *   monthly GNI per capita (the Broadband Commission's target) falling to 0 at
 *   ≥ 10 %; when no price is known, GNI per capita stands for affordability, on
 *   a log scale from 0 at ≤ US$ 500 to 1 at ≥ US$ 8,000 (a year's income at
 *   which a 2 GB plan of a few dollars a month is within the 2 % target).
 * - The country's level is its WEAKEST figure: low coverage or unaffordable
 *   data each keep people offline, whatever the others say. That figure, with
 *   its year, is the one the explanation names.
 * - A format's demand on the same scale: works offline 0, in person 0.1, low
 *   bandwidth 0.3, high bandwidth 0.75; online without a stated bandwidth:
 *   blended 0.4, self-paced 0.5, live 0.6.
 * - Fit = 1 − 1.6 × (demand − level) when the demand exceeds the level, else 1
 *   (never below 0). No figure at all: 0.5 for every format (no preference).
 */
import type { Connectivity, Figure, Message, Supply } from './types.js';
import { CONNECTIVITY, UNKNOWN_FIT } from './weights.js';

export type FigureName = keyof Connectivity;

export interface ConnectivityLevel {
  /** 0–1, or null when the country has no figure. */
  readonly level: number | null;
  /** The weakest figure, which set the level. */
  readonly binding: { readonly name: FigureName; readonly figure: Figure } | null;
}

const clamp = (x: number) => Math.min(1, Math.max(0, x));

/** Each figure's level on the 0–1 scale. */
export function figureLevels(c: Connectivity): { name: FigureName; figure: Figure; level: number }[] {
  const levels: { name: FigureName; figure: Figure; level: number }[] = [];
  if (c.internetUse) levels.push({ name: 'internetUse', figure: c.internetUse, level: clamp(c.internetUse.value / 100) });
  if (c.coverage4g) levels.push({ name: 'coverage4g', figure: c.coverage4g, level: clamp(c.coverage4g.value / 100) });
  const { price, gni } = CONNECTIVITY;
  if (c.broadbandPrice) {
    const level = clamp((price.unaffordable - c.broadbandPrice.value) / (price.unaffordable - price.affordable));
    levels.push({ name: 'broadbandPrice', figure: c.broadbandPrice, level });
  } else if (c.gniPerCapita && c.gniPerCapita.value > 0) {
    const level = clamp(Math.log(c.gniPerCapita.value / gni.floor) / Math.log(gni.ceiling / gni.floor));
    levels.push({ name: 'gniPerCapita', figure: c.gniPerCapita, level });
  }
  return levels;
}

/**
 * The country's connectivity level and the figure that set it.
 * @example connectivityLevel({ internetUse: { value: 23.2, year: 2023 }, coverage4g: null, … }).level // 0.232
 */
export function connectivityLevel(c: Connectivity): ConnectivityLevel {
  const levels = figureLevels(c);
  if (levels.length === 0) return { level: null, binding: null };
  // The weakest figure; on a tie the first in the order above (internet use first).
  const weakest = levels.reduce((a, b) => (b.level < a.level ? b : a));
  return { level: weakest.level, binding: { name: weakest.name, figure: weakest.figure } };
}

export type Format = 'offline' | 'inPerson' | 'low' | 'high' | 'online';

/** What a supply asks of a participant's connection, on the connectivity scale. */
export function formatDemand(supply: Pick<Supply, 'modality' | 'bandwidth'>): { format: Format; demand: number } {
  const d = CONNECTIVITY.demand;
  if (supply.bandwidth === 'offline') return { format: 'offline', demand: d.offline };
  if (supply.bandwidth === 'high') return { format: 'high', demand: d.high };
  if (supply.modality === 'in-person') return { format: 'inPerson', demand: d.inPerson };
  if (supply.bandwidth === 'low') return { format: 'low', demand: d.low };
  const byModality = supply.modality === null ? undefined : (d as Record<string, number>)[supply.modality];
  return { format: 'online', demand: byModality ?? d.unstated };
}

/** Verdicts for an online format the connectivity strains (fit 0.4–0.8) or rules out (below 0.4). */
const STRAINED = {
  low: ['matching.connectivity.strainedLow', 'matching.connectivity.strainedLow'],
  high: ['matching.connectivity.strainedHigh', 'matching.connectivity.unsuitedHigh'],
  online: ['matching.connectivity.strainedOnline', 'matching.connectivity.unsuitedOnline'],
} as const;

const DECIMALS: Record<FigureName, number> = { internetUse: 1, coverage4g: 1, broadbandPrice: 2, gniPerCapita: 0 };

/** The sentence naming a figure and its year, e.g. "4G reaches 0 % of people (2017)". */
export function figureMessage(name: FigureName, figure: Figure): Message {
  const factor = 10 ** DECIMALS[name];
  return {
    key: `matching.connectivity.${name}` as const,
    params: { value: Math.round(figure.value * factor) / factor, year: String(figure.year) },
  };
}

/**
 * How well people in the country can follow the supply's format, with the figure that decided it.
 * @example connectivityFit(connectivityLevel(niger), { modality: 'live-online', bandwidth: 'high' }).fit // 0
 */
export function connectivityFit(
  level: ConnectivityLevel,
  supply: Pick<Supply, 'modality' | 'bandwidth'>,
): { fit: number; messages: Message[] } {
  if (level.level === null || level.binding === null) {
    return { fit: UNKNOWN_FIT, messages: [{ key: 'matching.connectivity.unknown', params: {} }] };
  }
  const { format, demand } = formatDemand(supply);
  const fit = clamp(1 - Math.max(0, demand - level.level) * CONNECTIVITY.penalty);
  const figure = figureMessage(level.binding.name, level.binding.figure);
  let verdict: Message;
  if (level.level >= CONNECTIVITY.good) verdict = { key: 'matching.connectivity.noObstacle', params: {} };
  else if (format === 'offline') verdict = { key: 'matching.connectivity.offline', params: {} };
  else if (format === 'inPerson') verdict = { key: 'matching.connectivity.inPerson', params: {} };
  else if (fit >= 0.8) verdict = { key: 'matching.connectivity.enough', params: {} };
  else verdict = { key: STRAINED[format][fit >= 0.4 ? 0 : 1], params: {} };
  return { fit, messages: [figure, verdict] };
}
