/**
 * The hard constraints: a pair that breaks one is never ranked, whatever it
 * would score. They are checked in a fixed order and every broken one is
 * reported, so an excluded candidate says all that stands in its way.
 *
 * - kind: financing and infrastructure pledges answer connectivity gaps
 *   (pledges.ts), not capacity needs.
 * - language: at least one language both accept.
 * - eligibility: the supply is open to the demand's country itself, or to a
 *   group the country belongs to (its M49 region, sub-region or intermediate
 *   region, LDC / LLDC / SIDS, its income group, WLD); naming nothing means the world.
 * - dates: the supply runs inside the demand's timeframe, which opens at its
 *   start date or today, whichever is later (what has started cannot be
 *   joined), and closes at its end date. Rolling supply always fits; supply
 *   without dates (delivered on request) fits too.
 * - seats: at least one seat left.
 */
import { PLEDGE_KINDS } from '../capacity/plausibility.js';
import type { Demand, Supply, Violation } from './types.js';

const WORLD = 'WLD';

export function sharesLanguage(demand: Demand, supply: Supply): boolean {
  const offered = new Set(supply.languages);
  return demand.languages.some((l) => offered.has(l));
}

export function isEligible(demand: Demand, supply: Supply): boolean {
  if (supply.eligibleCountries.length === 0 && supply.eligibleGroups.length === 0) return true;
  if (supply.eligibleGroups.includes(WORLD)) return true;
  if (supply.eligibleCountries.includes(demand.country.iso3)) return true;
  const groups = new Set(demand.country.groups);
  return supply.eligibleGroups.some((g) => groups.has(g));
}

/** The first day of the demand's timeframe: its start, or today if that is later. */
export function timeframeOpens(demand: Demand, today: string): string {
  return demand.startDate !== null && demand.startDate > today ? demand.startDate : today;
}

function datesViolation(demand: Demand, supply: Supply, today: string): Violation | undefined {
  if (supply.rolling || (supply.startDate === null && supply.endDate === null)) return undefined;
  const start = supply.startDate ?? supply.endDate!;
  const end = supply.endDate ?? start;
  if (start < today) return { constraint: 'dates', message: { key: 'matching.excluded.datesPast', params: { start: { date: start } } } };
  const opens = timeframeOpens(demand, today);
  if (start < opens) {
    return {
      constraint: 'dates',
      message: { key: 'matching.excluded.datesEarly', params: { start: { date: start }, from: { date: opens } } },
    };
  }
  if (demand.endDate !== null && end > demand.endDate) {
    return {
      constraint: 'dates',
      message: { key: 'matching.excluded.datesLate', params: { end: { date: end }, to: { date: demand.endDate } } },
    };
  }
  return undefined;
}

export function seatsLeft(supply: Supply): number | null {
  return supply.seats === null ? null : Math.max(0, supply.seats - supply.seatsTaken);
}

/**
 * Every hard constraint the pair breaks, in CONSTRAINTS order; empty when it may be ranked.
 * @example violations(need, pledge, '2027-01-01')[0]?.constraint // 'kind'
 */
export function violations(demand: Demand, supply: Supply, today: string): Violation[] {
  const found: Violation[] = [];
  if (PLEDGE_KINDS.includes(supply.kind)) {
    found.push({ constraint: 'kind', message: { key: 'matching.excluded.kind', params: {} } });
  }
  if (!sharesLanguage(demand, supply)) {
    found.push({
      constraint: 'language',
      message: {
        key: 'matching.excluded.language',
        params: { offered: { languages: supply.languages }, accepted: { languages: demand.languages } },
      },
    });
  }
  if (!isEligible(demand, supply)) {
    found.push({
      constraint: 'eligibility',
      message: { key: 'matching.excluded.eligibility', params: { country: { term: 'countries', code: demand.country.iso3 } } },
    });
  }
  const dates = datesViolation(demand, supply, today);
  if (dates) found.push(dates);
  const left = seatsLeft(supply);
  if (left !== null && left < 1) {
    found.push({ constraint: 'seats', message: { key: 'matching.excluded.seats', params: { seats: supply.seats ?? 0 } } });
  }
  return found;
}
