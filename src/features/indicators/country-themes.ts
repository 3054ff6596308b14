/**
 * How the country profile groups its indicators (connectivity, affordability, inclusion,
 * infrastructure, skills), which figures are too old to stand for today, and which gaps a
 * capacity need can be started from (with the clearinghouse topic the gap is about). Pure.
 *
 * Method
 * - A value is "old" when its year is five or more years before the current year: the page then
 *   says "no data since {year}" beside it instead of letting it pass for today's picture.
 * - A gap is an indicator with a 2030 target that its latest value does not meet.
 * - Topics come from the platform's list (`data/topics.csv`): infrastructure, price and use gaps
 *   are broadband policy and regulation; ownership and parity gaps are digital inclusion and gender.
 */
import type { ProfileIndicator } from './schemas.js';

export type Theme = 'connectivity' | 'affordability' | 'inclusion' | 'infrastructure' | 'skills';

export const THEMES: readonly { readonly theme: Theme; readonly indicators: readonly string[] }[] = [
  {
    theme: 'connectivity',
    indicators: [
      'internet-use',
      'mobile-subscriptions',
      'fixed-broadband-subscriptions',
      'fixed-broadband-10mbps-share',
      'mobile-ownership',
    ],
  },
  { theme: 'affordability', indicators: ['broadband-affordability', 'gni-per-capita-monthly'] },
  { theme: 'inclusion', indicators: ['mobile-ownership-gender-parity'] },
  { theme: 'infrastructure', indicators: ['mobile-coverage-2g', 'mobile-coverage-3g', 'mobile-coverage-4g'] },
  // No source the platform holds measures digital skills yet: the page says so.
  { theme: 'skills', indicators: [] },
];

/** Years after which a value no longer stands for today. */
export const OLD_AFTER_YEARS = 5;

/** @example isOld(2018, 2026) // true */
export function isOld(year: number, currentYear: number): boolean {
  return currentYear - year >= OLD_AFTER_YEARS;
}

const GAP_TOPICS: Readonly<Record<string, string>> = {
  'internet-use': 'broadband-policy-regulation',
  'fixed-broadband-10mbps-share': 'broadband-policy-regulation',
  'broadband-affordability': 'broadband-policy-regulation',
  'mobile-ownership': 'digital-inclusion-gender',
  'mobile-ownership-gender-parity': 'digital-inclusion-gender',
};

/** The topic a need for this gap is about, or null when the indicator meets its target or has none. */
export function gapTopic(i: ProfileIndicator): string | null {
  if (!i.latest || !i.target || i.targetMet !== false) return null;
  return GAP_TOPICS[i.code] ?? 'broadband-policy-regulation';
}

/**
 * The link that starts a capacity need from a gap (the clearinghouse's form reads these values).
 * @example needLink('KEN', 'broadband-policy-regulation', 'Internet use 35.0 % (2024) …') // '/needs/new?country=KEN&topic=…&evidence=…'
 */
export function needLink(iso3: string, topic: string, evidence: string): string {
  return `/needs/new?${new URLSearchParams({ country: iso3, topic, evidence }).toString()}`;
}
