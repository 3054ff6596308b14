/**
 * Typed translation: t(lang, key, params). Catalogues are plain objects checked
 * at compile time; numbers and dates go through Intl so each language formats
 * them its own way.
 */
import { type Language, LANGUAGES } from '../shared/localised.js';
import { ar } from './catalogues/ar.js';
import { en, type Catalogue, type MessageKey } from './catalogues/en.js';
import { es } from './catalogues/es.js';
import { fr } from './catalogues/fr.js';
import { ru } from './catalogues/ru.js';
import { zh } from './catalogues/zh.js';

export type { MessageKey } from './catalogues/en.js';

export const CATALOGUES: Record<Language, Catalogue> = { ar, zh, en, fr, ru, es };

/** Right-to-left interface languages among the six. */
export function direction(lang: Language): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/**
 * @example t('fr', 'countries.shown', { count: 3 }) // '3 affichés'
 */
export function t(lang: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = CATALOGUES[lang][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
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
