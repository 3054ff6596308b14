/**
 * Typed translation: t(lang, key, params). The catalogues are ICU
 * MessageFormat in JSON files per language and namespace (catalogue.ts); the
 * keys are checked at compile time against the English files. Plurals follow
 * CLDR's rules for each language (`{count, plural, one {# day} other {# days}}`),
 * and numbers and dates go through Intl so each language formats them its own way.
 */
import { type Language, LANGUAGES } from '../shared/localised.js';
import { CATALOGUES, type MessageKey } from './catalogue.js';
import { compileMessage, type CompiledMessage, type Param } from './icu.js';

export { CATALOGUES, NAMESPACES, type Catalogue, type MessageKey } from './catalogue.js';

/** Right-to-left interface languages among the six. */
export function direction(lang: Language): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

const compiled = new Map<string, CompiledMessage>();

/** The parsed message, made on first use and kept (a few hundred keys × six languages). */
function message(lang: Language, key: MessageKey): CompiledMessage {
  const id = `${lang}\u0000${key}`;
  let found = compiled.get(id);
  if (!found) {
    found = compileMessage(CATALOGUES[lang][key], lang);
    compiled.set(id, found);
  }
  return found;
}

/**
 * The message `key` in `lang` with `params` filled in. A number given for a
 * plain `{name}` is formatted for the language; plural and number arguments
 * format theirs through ICU. A missing text parameter stays visible as `{name}`;
 * a missing count throws (a bug the tests catch, not something to guess).
 * @example t('fr', 'countries.shown', { count: 3 }) // '3 pays et zones affichés'
 * @example t('ru', 'connect.outlook.years', { years: 5 }) // 'цель примерно через 5 лет'
 */
export function t(lang: Language, key: MessageKey, params: Readonly<Record<string, Param>> = {}): string {
  const found = message(lang, key);
  return found.format(isolated(lang, params, selectors(found)), (value) => formatNumber(lang, value));
}

/** The arguments a message chooses by (`{status, select, …}`): keywords, never shown, so never isolated. */
function selectors(found: CompiledMessage): ReadonlySet<string> {
  return new Set(found.uses.filter((u) => u.kind === 'select').map((u) => u.name));
}

/** A letter of a left-to-right script (Latin, Greek, Cyrillic, CJK …) in a text. */
const LEFT_TO_RIGHT = /[A-Za-z\u00C0-\u02AF\u0370-\u03FF\u0400-\u052F\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]/;

/**
 * In a right-to-left message, text parameters written left to right (an e-mail address, a web
 * address, an English organisation name) are set apart with Unicode isolates (FSI … PDI), so
 * "العنوان الحالي: user-1@example.org" does not come out scrambled ("user- 1@example.org").
 */
function isolated<T>(
  lang: Language,
  params: Readonly<Record<string, T | Param>>,
  keywords: ReadonlySet<string> = new Set(),
): Readonly<Record<string, T | Param>> {
  if (direction(lang) !== 'rtl') return params;
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === 'string' && !keywords.has(name) && LEFT_TO_RIGHT.test(value) ? `\u2068${value}\u2069` : value,
    ]),
  );
}

/**
 * Like t(), with objects among the parameters (a link inside a sentence), as the list of text and objects to render.
 * @example tParts('en', 'accounts.sent.outbox', { link: <a href="/admin/outbox">/admin/outbox</a> })
 */
export function tParts<T extends object>(lang: Language, key: MessageKey, params: Readonly<Record<string, Param | T>>): (string | T)[] {
  const found = message(lang, key);
  return found.formatParts(isolated(lang, params, selectors(found)), (value) => formatNumber(lang, value));
}

const numberFormats = new Map(LANGUAGES.map((l) => [l, new Intl.NumberFormat(l)]));

/** @example formatNumber('fr', 1234.5) // '1 234,5' */
export function formatNumber(lang: Language, value: number, options?: Intl.NumberFormatOptions): string {
  return options ? new Intl.NumberFormat(lang, options).format(value) : numberFormats.get(lang)!.format(value);
}

/** @example formatDate('en', new Date('2026-11-28')) // '28 November 2026' */
export function formatDate(lang: Language, date: Date): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/**
 * The best of the six languages for an Accept-Language header, or undefined.
 * @example negotiate('fr-CH, fr;q=0.9, en;q=0.8') // 'fr'
 */
export function negotiate(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { base: tag.trim().toLowerCase().split('-')[0] ?? '', q: Number.isFinite(q) ? q : 0 };
    })
    .filter((entry) => entry.q > 0)
    .toSorted((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.base).find((base): base is Language => (LANGUAGES as readonly string[]).includes(base));
}
