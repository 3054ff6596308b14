/**
 * Text in the six official UN languages. Content carries its language; the
 * interface falls back to English where a translation does not exist.
 */
export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Localised = Record<Language, string>;

/** True for one of the six UN language codes. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The text in `lang`, else English, else any language present.
 * @example pick({ en: 'World', fr: 'Monde' }, 'fr') // 'Monde'
 */
export function pick(text: Partial<Localised> | null | undefined, lang: Language): string {
  if (!text) return '';
  return text[lang] ?? text.en ?? Object.values(text).find((v) => typeof v === 'string') ?? '';
}
