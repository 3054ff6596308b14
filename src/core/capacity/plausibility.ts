/**
 * Plausibility of clearinghouse values, beyond their type: text a person could
 * have written (no control characters, no broken Unicode), real language and
 * currency codes, calendar dates in sane years, and the rules that tie fields
 * together (dates in order, a pledge's amount or in-kind contribution …).
 * Pure: the API schemas, the bulk import and the PATCH merge all ask here, so
 * a value refused in one place is refused in all.
 */

/** Years a date may fall in: older or later dates are typing mistakes. */
export const DATE_YEARS = { min: 2000, max: 2100 } as const;

export { hasUnwantedCharacters } from '../../shared/text-rule.js';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * An ISO 639-1 (two letters) or 639-2/3 (three letters) language code that the
 * Unicode CLDR knows, lower-cased.
 * @example isLanguageCode('sw') // true
 * @example isLanguageCode('xx') // false
 */
export function isLanguageCode(code: string): boolean {
  if (!/^[a-z]{2,3}$/.test(code)) return false;
  return languageNames.of(code) !== undefined;
}

const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/**
 * An ISO 4217 currency code in current use.
 * @example isCurrencyCode('XOF') // true
 */
export function isCurrencyCode(code: string): boolean {
  return CURRENCIES.has(code);
}

/**
 * A real calendar date written YYYY-MM-DD within DATE_YEARS.
 * @example isPlausibleDate('2027-02-29') // false
 */
export function isPlausibleDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < DATE_YEARS.min || year > DATE_YEARS.max) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A problem with one field, named by its path in the record (`endDate`, `pledge.currency`). */
export interface Problem {
  readonly path: readonly (string | number)[];
  readonly message: string;
  /**
   * What is wrong as a stable code (`end-before-start`), with the values a message may quote:
   * pages say it in the reader's language (features/capacity/problem-text.ts); `message` is the API's English.
   */
  readonly reason?: string;
  readonly values?: Readonly<Record<string, string>>;
}

/** What the cross-field rules of an offering read. */
export interface OfferingShape {
  readonly kind: string;
  readonly language: string;
  readonly modality: string | null;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly rolling: boolean;
  readonly translations: readonly { readonly language: string }[];
  readonly pledge: { readonly amount: number | null; readonly currency: string | null; readonly inKind: string | null } | null;
}

export const PLEDGE_KINDS: readonly string[] = ['financing-pledge', 'infrastructure-pledge'];
/** Kinds that are delivered to learners, so they say how. */
const DELIVERED_KINDS: readonly string[] = ['training', 'course', 'programme', 'advisory-service'];

/**
 * The rules that tie an offering's fields together.
 * @example offeringProblems({ …, rolling: true, startDate: '2027-01-10' }) // [{ path: ['startDate'], … }]
 */
export function offeringProblems(o: OfferingShape): Problem[] {
  const problems: Problem[] = [...datesInOrder(o.startDate, o.endDate)];
  const pledge = PLEDGE_KINDS.includes(o.kind);
  if (o.rolling && o.startDate !== null) {
    problems.push({
      path: ['startDate'],
      message: 'a rolling offering has no start date; give dates or set rolling, not both',
      reason: 'rolling-with-dates',
    });
  }
  if (!o.rolling && o.startDate === null && !pledge) {
    problems.push({
      path: ['startDate'],
      message: 'give a start date, or set rolling: true for an offering open at any time',
      reason: 'dates-or-rolling',
    });
  }
  if (DELIVERED_KINDS.includes(o.kind) && o.modality === null) {
    problems.push({
      path: ['modality'],
      message: `a ${o.kind} needs a modality (self-paced-online, live-online, in-person or blended)`,
      reason: 'modality-needed',
    });
  }
  if (pledge) {
    if (o.pledge === null)
      problems.push({
        path: ['pledge'],
        message: `a ${o.kind} needs its pledge: amount and currency or in kind, and the UMC dimension`,
        reason: 'pledge-needed',
      });
    if (o.startDate === null || o.endDate === null) {
      problems.push({
        path: [o.startDate === null ? 'startDate' : 'endDate'],
        message: 'a pledge covers a period: give its start and end dates',
        reason: 'pledge-period',
      });
    }
    if (o.rolling)
      problems.push({ path: ['rolling'], message: 'a pledge covers a period, it is not rolling', reason: 'pledge-not-rolling' });
  } else if (o.pledge !== null) {
    problems.push({
      path: ['pledge'],
      message: `only financing and infrastructure pledges carry a pledge, not a ${o.kind}`,
      reason: 'pledge-not-allowed',
    });
  }
  if (o.pledge) {
    if ((o.pledge.amount === null) !== (o.pledge.currency === null)) {
      problems.push({
        path: ['pledge', o.pledge.amount === null ? 'amount' : 'currency'],
        message: 'give the amount and its currency together',
        reason: 'amount-and-currency',
      });
    }
    if (o.pledge.amount === null && o.pledge.inKind === null) {
      problems.push({
        path: ['pledge', 'amount'],
        message: 'give an amount and currency, or describe the in-kind contribution (inKind)',
        reason: 'amount-or-in-kind',
      });
    }
  }
  const seen = new Set<string>();
  o.translations.forEach((translation, i) => {
    if (translation.language === o.language) {
      problems.push({
        path: ['translations', i, 'language'],
        message: `the offering is written in ${o.language} already`,
        reason: 'translation-same-language',
      });
    }
    if (seen.has(translation.language))
      problems.push({
        path: ['translations', i, 'language'],
        message: `a second ${translation.language} translation`,
        reason: 'translation-twice',
      });
    seen.add(translation.language);
  });
  return problems;
}

/** What the cross-field rules of a need read. */
export interface NeedShape {
  readonly startDate: string | null;
  readonly endDate: string | null;
}

export function needProblems(n: NeedShape): Problem[] {
  return datesInOrder(n.startDate, n.endDate);
}

function datesInOrder(start: string | null, end: string | null): Problem[] {
  if (start !== null && end !== null && end < start)
    return [{ path: ['endDate'], message: `ends (${end}) before it starts (${start})`, reason: 'end-before-start' }];
  return [];
}
