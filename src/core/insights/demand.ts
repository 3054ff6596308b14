/**
 * Unmet-demand insights, the pure part: why a need has no fitting offering,
 * and how thin supply is for what is asked.
 *
 * Method. A need "has no fitting offering" when no published offering (pledges
 * aside) passes the matching engine's checks in this order: shares a topic
 * with the need, is given in a language the need accepts, is open to the
 * need's country (the country, a region or group it belongs to), and runs
 * inside the need's timeframe (rolling and undated offerings always fit). The
 * database answers each step as "does any offering pass this step and every
 * step before it"; the first step no offering passes is the constraint that
 * excluded the need. The order is the order in which the constraints narrow a
 * catalogue: topic first (what is asked), then language, eligibility, dates.
 *
 * Thin supply: for a topic or a language, open needs per published offering
 * (pledges aside). A topic with needs and no offering is "never offered"
 * (ratio null); with neither it is not listed.
 */

export const FUNNEL = ['topic', 'language', 'eligibility', 'dates'] as const;
export type FunnelStep = (typeof FUNNEL)[number];

/** Whether any offering passes each step together with every step before it. */
export type FunnelPasses = Readonly<Record<FunnelStep, boolean>>;

/**
 * The step that excluded every offering, or null when some offering fits.
 * @example firstFailingStep({ topic: true, language: false, eligibility: false, dates: false }) // 'language'
 */
export function firstFailingStep(passes: FunnelPasses): FunnelStep | null {
  return FUNNEL.find((step) => !passes[step]) ?? null;
}

export interface SupplyDemand {
  readonly code: string;
  readonly needs: number;
  readonly offerings: number;
}

export interface Thinness extends SupplyDemand {
  /** Open needs per offering; null when nothing is offered. */
  readonly needsPerOffering: number | null;
}

/**
 * Codes with open needs, thinnest supply first: never offered (by needs, most first), then by
 * needs per offering, most first; ties by code. Codes without needs are left out.
 * @example thinnest([{ code: 'fr', needs: 4, offerings: 1 }, { code: 'ar', needs: 2, offerings: 0 }])
 * // [{ code: 'ar', …, needsPerOffering: null }, { code: 'fr', …, needsPerOffering: 4 }]
 */
export function thinnest(rows: readonly SupplyDemand[]): Thinness[] {
  return rows
    .filter((r) => r.needs > 0)
    .map((r) => ({ ...r, needsPerOffering: r.offerings > 0 ? r.needs / r.offerings : null }))
    .toSorted((a, b) => {
      if ((a.needsPerOffering === null) !== (b.needsPerOffering === null)) return a.needsPerOffering === null ? -1 : 1;
      const byRatio = a.needsPerOffering === null ? b.needs - a.needs : b.needsPerOffering! - a.needsPerOffering!;
      return byRatio !== 0 ? byRatio : a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
    });
}

/**
 * The median of whole numbers (days), or null for none.
 * @example median([3, 1, 10]) // 3
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = values.toSorted((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
