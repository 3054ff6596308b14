/**
 * Zod pieces of the people and projects schemas: text a person wrote (trimmed, no control
 * characters), codes of the shared vocabulary (shape here; existence in vocabulary.ts), languages
 * with a level, DigComp competences with a proficiency, dates and http(s) links. The projects
 * feature uses them through this feature's index.
 */
import { z } from '@hono/zod-openapi';
import { hasUnwantedCharacters, isLanguageCode, isPlausibleDate, DATE_YEARS } from '../../core/capacity/plausibility.js';
import { LANGUAGE_LEVELS, PROFICIENCY_LEVELS } from '../../core/people/index.js';

/** Trimmed text with length bounds, and its optional form: the request text rule (http/text.ts). */
export { optionalTrimmedText as optionalText, trimmedText as text } from '../../http/text.js';

/** Distinct values (compared by `key`), at most `max`. */
export function distinctList<T extends z.ZodType>(item: T, max: number, key: (value: z.infer<T>) => string = String) {
  return z
    .array(item)
    .max(max, `at most ${max}`)
    .refine((values) => new Set(values.map((v) => key(v))).size === values.length, { message: 'must not repeat a value' });
}

export const LanguageCodeSchema = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .refine(isLanguageCode, { message: 'must be an ISO 639 language code such as en, fr, sw or pt' })
  .openapi({ type: 'string', example: 'fr', description: 'ISO 639-1 (or 639-3) language code' });

export const LanguageLevelSchema = z.enum(LANGUAGE_LEVELS).openapi({ description: 'CEFR level A1–C2, or native' });

export const LanguageSkillSchema = z.strictObject({ code: LanguageCodeSchema, level: LanguageLevelSchema }).openapi('LanguageSkill');

export const DateSchema = z
  .string()
  .refine(isPlausibleDate, { message: `must be a date YYYY-MM-DD between ${DATE_YEARS.min} and ${DATE_YEARS.max}` })
  .openapi({ type: 'string', format: 'date', example: '2027-03-01' });

export const Iso3Schema = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{3}$/, 'must be an ISO alpha-3 country code such as NER'))
  .openapi({ type: 'string', example: 'NER' });

export const TopicCodeSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a topic code such as cybersecurity')
  .max(60)
  .openapi({ description: 'A code of /api/v1/taxonomies/topics', example: 'cybersecurity' });

export const DigcompCodeSchema = z
  .string()
  .regex(/^[1-5](\.[0-9]{1,2})?$/, 'must be a DigComp 2.2 area (4) or competence (4.2) code')
  .openapi({ description: 'A code of /api/v1/taxonomies/digcomp', example: '4.2' });

export const ProficiencySchema = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be from 1 to 8')
  .max(8, 'must be from 1 to 8')
  .openapi({ description: `DigComp 2.2 proficiency level ${PROFICIENCY_LEVELS[0]}–${PROFICIENCY_LEVELS.at(-1)}`, example: 5 });

export const CompetenceSkillSchema = z.strictObject({ code: DigcompCodeSchema, level: ProficiencySchema }).openapi('CompetenceSkill');

export const EscoCodeSchema = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.uuid('must be the UUID of an ESCO skill (the last part of its URI)'))
  .openapi({ type: 'string', description: 'UUID of a skill of /api/v1/taxonomies/esco-digital' });

export const ShareSchema = z
  .number()
  .int('must be a whole number of per cent')
  .min(1, 'must be from 1 to 100 %')
  .max(100, 'must be from 1 to 100 %')
  .openapi({ description: 'Share of working time, 1–100 %', example: 50 });

export const UrlSchema = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
  .max(2000)
  .refine((u) => !hasUnwantedCharacters(u, { multiline: false }), { message: 'must not contain control characters' })
  .openapi({ example: 'https://www.itu.int/' });

/** A comma-separated query parameter, e.g. `topics=cybersecurity,digital-health`. */
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
