/**
 * Financing and infrastructure pledges matched to a country's connectivity
 * gaps, so that a country page or brief can say which pledges could address
 * which gap.
 *
 * Method
 * - Gaps: each dimension of universal and meaningful connectivity (UMC) that
 *   the indicator catalogue measures is read from the country's latest value
 *   and its 2030 target. Distance = the share of the target still missing:
 *   (target − value) ÷ target for an "at least" target, (value − target) ÷
 *   value for an "at most" one (affordability), and the same outside a band
 *   (gender parity); 0 once met. Dimensions without a measure stay listed as
 *   "not measured". The furthest dimension is the one with the largest distance.
 * - Constraints, never traded off: the offering is a pledge; it is open to the
 *   country (as for offerings: the country, one of its groups, or the world);
 *   its period has not ended.
 * - Score = 0.7 × gap + 0.3 × focus. Gap: the distance of the dimension the
 *   pledge addresses (0 when met, 0.3 when not measured). Focus: 1 for a
 *   pledge naming the country, 0.6 for one of its groups, 0.3 for the world.
 */
import { PLEDGE_KINDS } from '../capacity/plausibility.js';
import type { Figure, Message } from './types.js';

export type Target =
  | { readonly kind: 'at-least'; readonly value: number }
  | { readonly kind: 'at-most'; readonly value: number }
  | { readonly kind: 'between'; readonly lower: number; readonly upper: number };

/** An indicator as the country's profile states it. */
export interface MeasuredIndicator {
  readonly code: string;
  readonly latest: Figure | null;
  readonly target: Target | null;
}

/** A UMC dimension and the indicators that measure it (the umc-dimensions list's `related.indicators`). */
export interface UmcDimension {
  readonly code: string;
  readonly indicators: readonly string[];
}

export interface Gap {
  readonly dimension: string;
  /** The indicator read, with its latest figure; null when the dimension is not measured for the country. */
  readonly indicator: string | null;
  readonly figure: Figure | null;
  readonly target: Target | null;
  /** Share of the target still missing, 0–1 (0: met); null when not measured. */
  readonly distance: number | null;
}

export interface Pledge {
  readonly id: string;
  readonly kind: string;
  readonly umcDimension: string;
  readonly eligibleCountries: readonly string[];
  readonly eligibleGroups: readonly string[];
  readonly endDate: string | null;
}

export interface PledgeMatch {
  readonly id: string;
  readonly score: number;
  readonly messages: readonly Message[];
}

export interface GapPledges {
  readonly gap: Gap;
  /** True for the measured dimension furthest from its target. */
  readonly furthest: boolean;
  readonly message: Message;
  readonly pledges: readonly PledgeMatch[];
}

export type PledgeConstraint = 'kind' | 'eligibility' | 'period';

const clamp = (x: number) => Math.min(1, Math.max(0, x));

/** The share of the target still missing. @example distanceToTarget(23.2, { kind: 'at-least', value: 100 }) // 0.768 */
export function distanceToTarget(value: number, target: Target): number {
  switch (target.kind) {
    case 'at-least':
      return target.value <= 0 ? 0 : clamp((target.value - value) / target.value);
    case 'at-most':
      return value <= target.value || value <= 0 ? 0 : clamp((value - target.value) / value);
    case 'between':
      if (value < target.lower) return clamp((target.lower - value) / target.lower);
      if (value > target.upper) return clamp((value - target.upper) / value);
      return 0;
  }
}

/**
 * The country's gap on each UMC dimension, the furthest from target first, unmeasured ones last.
 * @example umcGaps([{ code: 'internet-use', indicators: ['internet-use'] }], profileIndicators)[0]?.distance // 0.77
 */
export function umcGaps(dimensions: readonly UmcDimension[], indicators: readonly MeasuredIndicator[]): Gap[] {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const gaps = dimensions.map((dimension): Gap => {
    const measured = dimension.indicators
      .map((code) => byCode.get(code))
      .find((i): i is MeasuredIndicator => i !== undefined && i.latest !== null && i.target !== null);
    if (!measured) return { dimension: dimension.code, indicator: null, figure: null, target: null, distance: null };
    const figure = measured.latest!;
    return {
      dimension: dimension.code,
      indicator: measured.code,
      figure,
      target: measured.target,
      distance: distanceToTarget(figure.value, measured.target!),
    };
  });
  return gaps.toSorted((a, b) => (b.distance ?? -1) - (a.distance ?? -1) || (a.dimension < b.dimension ? -1 : 1));
}

function gapMessage(gap: Gap): Message {
  if (gap.distance === null || gap.figure === null || gap.indicator === null) {
    return { key: 'matching.pledge.unmeasured', params: { dimension: { term: 'umc-dimensions', code: gap.dimension } } };
  }
  const params = {
    dimension: { term: 'umc-dimensions', code: gap.dimension },
    indicator: { term: 'indicators', code: gap.indicator },
    value: Math.round(gap.figure.value * 100) / 100,
    year: String(gap.figure.year),
    missing: Math.round(gap.distance * 100),
  } as const;
  return { key: gap.distance === 0 ? 'matching.pledge.met' : 'matching.pledge.gap', params };
}

/** What keeps a pledge from a country, in order; empty when it may be matched. */
export function pledgeViolations(country: { iso3: string; groups: readonly string[] }, pledge: Pledge, today: string): PledgeConstraint[] {
  const broken: PledgeConstraint[] = [];
  if (!PLEDGE_KINDS.includes(pledge.kind)) broken.push('kind');
  const world = (pledge.eligibleCountries.length === 0 && pledge.eligibleGroups.length === 0) || pledge.eligibleGroups.includes('WLD');
  const eligible =
    world || pledge.eligibleCountries.includes(country.iso3) || pledge.eligibleGroups.some((g) => country.groups.includes(g));
  if (!eligible) broken.push('eligibility');
  if (pledge.endDate !== null && pledge.endDate < today) broken.push('period');
  return broken;
}

function focusOf(country: { iso3: string; groups: readonly string[] }, pledge: Pledge): { focus: number; message: Message } {
  if (pledge.eligibleCountries.includes(country.iso3)) {
    return { focus: 1, message: { key: 'matching.pledge.forCountry', params: { country: { term: 'countries', code: country.iso3 } } } };
  }
  const group = pledge.eligibleGroups.find((g) => g !== 'WLD' && country.groups.includes(g));
  if (group) return { focus: 0.6, message: { key: 'matching.pledge.forGroup', params: { group: { term: 'groups', code: group } } } };
  return { focus: 0.3, message: { key: 'matching.pledge.forWorld', params: {} } };
}

/**
 * Each gap of the country with the pledges that could address it, best first; pledges that may
 * not go to the country are left out (with the reason, for those who ask).
 * @example pledgesForGaps({ iso3: 'NER', groups: ['WLD', 'LDC'] }, gaps, pledges, '2027-01-15').gaps[0]?.pledges
 */
export function pledgesForGaps(
  country: { iso3: string; groups: readonly string[] },
  gaps: readonly Gap[],
  pledges: readonly Pledge[],
  today: string,
): { gaps: GapPledges[]; excluded: { id: string; constraints: PledgeConstraint[] }[] } {
  const excluded: { id: string; constraints: PledgeConstraint[] }[] = [];
  const allowed: Pledge[] = [];
  for (const pledge of pledges) {
    const broken = pledgeViolations(country, pledge, today);
    if (broken.length > 0) excluded.push({ id: pledge.id, constraints: broken });
    else allowed.push(pledge);
  }
  const furthest = gaps.find((g) => g.distance !== null && g.distance > 0);
  const result = gaps.map((gap): GapPledges => {
    const message = gapMessage(gap);
    const gapFit = gap.distance === null ? 0.3 : gap.distance;
    const matched = allowed
      .filter((p) => p.umcDimension === gap.dimension)
      .map((p): PledgeMatch => {
        const { focus, message: focusMessage } = focusOf(country, p);
        return { id: p.id, score: Math.round((0.7 * gapFit + 0.3 * focus) * 10_000) / 10_000, messages: [message, focusMessage] };
      })

      .toSorted((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    return { gap, furthest: gap === furthest, message, pledges: matched };
  });
  return { gaps: result, excluded: excluded.toSorted((a, b) => (a.id < b.id ? -1 : 1)) };
}
