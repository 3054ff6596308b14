/**
 * Reading schema.org values into our vocabulary, for the harvester (read-json-ld.ts): plain
 * text out of the shapes JSON-LD allows (a string, a `{ name }` or `{ @value }` node, an array),
 * language codes, ISO 8601 durations and intervals, and the controlled lists an item's words can
 * name — levels (educationalLevel), certification (educationalCredentialAwarded), modality
 * (courseMode, a service's channels), audiences, topics, UMC dimensions and countries — by code
 * or by their names in any of the six languages, plus the common synonyms training catalogues
 * use ("Beginner", "Certificate of completion", "self-paced"). A word we cannot place is left
 * out (the field stays empty), never guessed.
 */
import { CONTROLLED_LISTS } from '../../../core/reference/controlled-lists.js';
import type { Vocabulary } from '../vocabulary.js';

export type Node = Record<string, unknown>;

export const isObject = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
export const typesOf = (node: Node) =>
  asArray(node['@type'])
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^(https?:\/\/schema\.org\/|schema:)/, ''));

/** The text of a value: a string, a node's name or @value, the first of a list. */
export const text = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (isObject(v)) return text(v['name'] ?? v['@value']);
  if (Array.isArray(v)) return text(v[0]);
  return undefined;
};

/** Every text of a value that may be a list (of strings or named nodes). */
export const texts = (v: unknown): string[] => asArray(v).flatMap((x) => (typeof x === 'string' ? x.split(',') : [text(x) ?? '']));

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
/** "fr", "fr-CA" or a Language node with alternateName → "fr"; a language name is not a code. */
export function languageOf(v: unknown): string | undefined {
  const code = isObject(v) ? (text(v['alternateName']) ?? text(v['name'])) : text(v);
  if (!code) return undefined;
  const lower = code.toLowerCase();
  return LANGUAGE.test(lower) ? lower.split('-')[0] : undefined;
}

/** ISO 8601 duration (PT12H30M, P2D) → hours. */
export function hoursOf(v: unknown): number | undefined {
  const match = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?)?$/.exec(text(v) ?? '');
  if (!match || (!match[1] && !match[2] && !match[3])) return undefined;
  return Number(match[1] ?? 0) * 24 + Number(match[2] ?? 0) + Number(match[3] ?? 0) / 60;
}

/** A date (YYYY-MM-DD) from a date or date-time; undefined otherwise. */
export const dateOf = (v: unknown): string | undefined => {
  const value = text(v);
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;
};

/** An ISO 8601 interval of dates ("2027-01-01/2029-12-31", as temporalCoverage carries it). */
export function intervalOf(v: unknown): { start?: string; end?: string } {
  const [start, end] = (text(v) ?? '').split('/');
  return { ...(dateOf(start) ? { start: dateOf(start)! } : {}), ...(dateOf(end) ? { end: dateOf(end)! } : {}) };
}

/** Lower-case name or code → our code, for one controlled list, with extra synonyms. */
function listIndex(name: string, synonyms: Record<string, string> = {}): Map<string, string> {
  const terms = CONTROLLED_LISTS.find((l) => l.name === name)?.terms ?? [];
  return new Map([
    ...terms.flatMap((term) => [
      [term.code, term.code] as [string, string],
      ...Object.values(term.labels).map((label): [string, string] => [String(label).toLowerCase(), term.code]),
    ]),
    ...Object.entries(synonyms),
  ]);
}

export const AUDIENCES = listIndex('audiences');
export const LEVELS = listIndex('levels', {
  beginner: 'foundation',
  introductory: 'foundation',
  basic: 'foundation',
  'all levels': 'foundation',
  expert: 'highly-specialised',
  specialist: 'highly-specialised',
});
export const UMC_DIMENSIONS = listIndex('umc-dimensions');

/** courseMode values and synonyms → modality. */
const MODES = new Map(
  Object.entries({
    online: 'live-online',
    synchronous: 'live-online',
    'live online': 'live-online',
    'self-paced': 'self-paced-online',
    selfpaced: 'self-paced-online',
    asynchronous: 'self-paced-online',
    mooc: 'self-paced-online',
    onsite: 'in-person',
    'on-site': 'in-person',
    'in-person': 'in-person',
    'in person': 'in-person',
    'face-to-face': 'in-person',
    blended: 'blended',
    hybrid: 'blended',
    mixed: 'blended',
  }),
);
for (const [k, v] of listIndex('modalities')) MODES.set(k, v);

/** The first courseMode we can place, of any instance. */
export function modalityOf(values: readonly unknown[]): string | undefined {
  for (const value of values) {
    const mode = MODES.get((text(value) ?? '').toLowerCase().replace(/^https?:\/\/schema\.org\//, ''));
    if (mode) return mode;
  }
  return undefined;
}

/** A service's channels: a place to go (serviceLocation) and/or a URL or phone (online). */
export function serviceModalityOf(channels: readonly unknown[]): string | undefined {
  const nodes = channels.filter(isObject);
  const inPerson = nodes.some((c) => c['serviceLocation'] !== undefined);
  const online = nodes.some((c) => c['serviceUrl'] !== undefined || c['servicePhone'] !== undefined);
  return inPerson && online ? 'blended' : inPerson ? 'in-person' : online ? 'live-online' : undefined;
}

/** educationalCredentialAwarded (text, or a credential with credentialCategory) → certification. */
export function certificationOf(v: unknown): string | undefined {
  const words = asArray(v)
    .flatMap((c) => (isObject(c) ? [text(c['credentialCategory']), text(c['name'])] : [text(c)]))
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  if (!words) return undefined;
  if (/badge/.test(words)) return 'digital-badge';
  if (/accredit|degree|diploma|bachelor|master|qualification/.test(words)) return 'accredited';
  if (/assess|exam|proctor|graded/.test(words)) return 'assessed';
  if (/^(none|no certificate)$/.test(words.trim())) return 'none';
  if (/certif|attestation|completion|participation|attendance/.test(words)) return 'participation';
  return undefined;
}

/** Codes of `known` named by `words`, in order, without repeats. */
export function codesNamed(words: readonly string[], known: ReadonlyMap<string, string>): string[] {
  return [...new Set(words.map((w) => known.get(w.trim().toLowerCase())).filter((c): c is string => c !== undefined))];
}

/** Topic code or name in any language → code. */
export function topicIndex(vocab: Vocabulary): Map<string, string> {
  const index = new Map<string, string>();
  for (const [code, names] of vocab.topics) {
    index.set(code, code);
    for (const name of Object.values(names)) if (name) index.set(name.toLowerCase(), code);
  }
  return index;
}

/** Country ISO alpha-3 code or name in any language → ISO alpha-3 (areaServed, eligibleRegion). */
export function countryIndex(vocab: Vocabulary): Map<string, string> {
  const index = new Map<string, string>();
  for (const [iso3, facts] of vocab.countries) {
    index.set(iso3.toLowerCase(), iso3);
    for (const name of Object.values(facts.names)) if (name) index.set(name.toLowerCase(), iso3);
  }
  return index;
}
