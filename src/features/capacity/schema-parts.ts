/**
 * Zod pieces shared by the offering and need schemas: text a person wrote,
 * codes of the controlled lists, language, currency and country codes, dates
 * and money, each with the plausibility rules of core/capacity/plausibility.
 * Codes of lists loaded from data files (topics, DigComp, ESCO, countries,
 * groups) are checked here for shape and by vocabulary.ts against the data.
 */
import { z } from '@hono/zod-openapi';
import { hasUnwantedCharacters, isCurrencyCode, isLanguageCode, isPlausibleDate, DATE_YEARS } from '../../core/capacity/plausibility.js';
import { CONTROLLED_LISTS } from '../../core/reference/controlled-lists.js';
import { SDGS } from '../../core/reference/sdgs.js';
import { LANGUAGES } from '../../shared/localised.js';

/** Trimmed text with length bounds, and its optional form: the request text rule (http/text.ts). */
export { optionalTrimmedText as optionalText, trimmedText as text } from '../../http/text.js';

export function codesOf(list: string): [string, ...string[]] {
  const found = CONTROLLED_LISTS.find((l) => l.name === list);
  if (!found || found.terms.length === 0) throw new Error(`no controlled list named ${list}`);
  return found.terms.map((term) => term.code) as [string, ...string[]];
}

/** A code of the named controlled list (/api/v1/taxonomies/{list}). */
export function listCode(list: string) {
  return z.enum(codesOf(list)).openapi({ description: `A code of /api/v1/taxonomies/${list}` });
}

/** Distinct values, at most `max`. */
export function distinctList<T extends z.ZodType>(item: T, max: number, min = 0) {
  return z
    .array(item)
    .min(min, min === 1 ? 'give at least one' : `give at least ${min}`)
    .max(max, `at most ${max}`)
    .refine((values) => new Set(values.map(String)).size === values.length, { message: 'must not repeat a value' });
}

export const LanguageCodeSchema = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .refine(isLanguageCode, { message: 'must be an ISO 639 language code such as en, fr, sw or pt' })
  .openapi({ type: 'string', example: 'fr', description: 'ISO 639-1 (or 639-3) language code' });

export const UnLanguageSchema = z.enum(LANGUAGES).openapi({ description: 'One of the six UN languages' });

export const CurrencySchema = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine(isCurrencyCode, { message: 'must be an ISO 4217 currency code such as USD, EUR or XOF' })
  .openapi({ type: 'string', example: 'USD' });

export const DateSchema = z
  .string()
  .refine(isPlausibleDate, { message: `must be a date YYYY-MM-DD between ${DATE_YEARS.min} and ${DATE_YEARS.max}` })
  .openapi({ type: 'string', format: 'date', example: '2027-03-01' });

export const Iso3Schema = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{3}$/, 'must be an ISO alpha-3 country code such as NER'))
  .openapi({ type: 'string', example: 'NER' });

export const GroupCodeSchema = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(/^([0-9]{3}|[A-Z]{3,4})$/, 'must be a group code such as WLD, LDC, SIDS, LIC or an M49 region code such as 011'))
  .openapi({ type: 'string', example: 'LDC', description: 'A group of /api/v1/groups' });

export const TopicCodeSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a topic code such as cybersecurity')
  .max(60)
  .openapi({ description: 'A code of /api/v1/taxonomies/topics', example: 'cybersecurity' });

export const DigcompCodeSchema = z
  .string()
  .regex(/^[1-5](\.[0-9]{1,2})?$/, 'must be a DigComp 2.2 area (4) or competence (4.2) code')
  .openapi({ description: 'A code of /api/v1/taxonomies/digcomp', example: '4.2' });

export const EscoCodeSchema = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.uuid('must be the UUID of an ESCO skill (the last part of its URI)'))
  .openapi({ type: 'string', description: 'UUID of a skill of /api/v1/taxonomies/esco-digital' });

export const SdgSchema = z.enum(SDGS.map((g) => g.code) as [string, ...string[]]).openapi({ description: 'SDG number 1–17' });

/** An amount of money: ≥ 0, at most `max`, in an ISO 4217 currency. */
export function moneySchema(max: number) {
  return z.strictObject({
    amount: z.number().finite().min(0, 'must not be negative').max(max, `must be at most ${max}`),
    currency: CurrencySchema,
  });
}

export const UrlSchema = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
  .max(2000)
  .refine((u) => !hasUnwantedCharacters(u, { multiline: false }), { message: 'must not contain control characters' })
  .openapi({ example: 'https://academy.itu.int/' });

export const EmailSchema = z
  .email('must be an e-mail address')
  .max(254)
  .transform((e) => e.trim().toLowerCase())
  .openapi({ type: 'string', format: 'email' });

/** A comma-separated query parameter of codes, e.g. `topics=cybersecurity,digital-health`. */
export function codeListParam(description: string, example: string) {
  return z
    .string()
    .max(2000)
    .transform((s) =>
      s
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(100)).max(50, 'at most 50 values'))
    .optional()
    .openapi({ type: 'string', description: `${description}; several values separated by commas match any of them`, example });
}
