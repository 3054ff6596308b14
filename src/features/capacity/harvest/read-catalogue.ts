/**
 * Reads a harvested catalogue into offering create bodies, one per item, each with the key that
 * identifies it in that catalogue and what could not be read. Two formats, as training
 * registries publish them:
 *   - schema.org `Course` JSON-LD: a page with <script type="application/ld+json"> blocks, or a
 *     JSON feed (an array, an `@graph`, an `ItemList` or `DataFeed` of them). Mapped: name,
 *     description, inLanguage, url, provider ignored (the source's organisation lists them),
 *     hasCourseInstance (courseMode, dates, courseWorkload), offers (price), about/keywords
 *     (topics, by code or name in any language), audience.audienceType (audiences).
 *     Topics and audiences the item does not name come from the source's defaults.
 *   - CSV in the offerings template (docs/data/offerings-csv.md), read by the import reader.
 * Nothing here validates against the schema or vocabulary; the harvest service does, per item.
 */
import { CONTROLLED_LISTS } from '../../../core/reference/controlled-lists.js';
import { FormatError } from '../../../formats/csv/format-error.js';
import { OFFERING_COLUMNS, OFFERING_EXPORT_ONLY, OFFERING_REQUIRED } from '../csv-template.js';
import { parseImportFile } from '../import-file.js';
import type { Vocabulary } from '../vocabulary.js';

export interface HarvestItem {
  /** Position in the catalogue (1-based): JSON-LD item number or CSV line. */
  readonly position: number;
  /** Its identity in the catalogue; undefined when it has none (then it is reported, not written). */
  readonly key: string | undefined;
  readonly body: Record<string, unknown>;
  /** What could not be read, in words. */
  readonly problems: readonly string[];
}

export interface HarvestDefaults {
  readonly topics: readonly string[];
  readonly audiences: readonly string[];
}

type Node = Record<string, unknown>;

const isObject = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const typesOf = (node: Node) => asArray(node['@type']).filter((t): t is string => typeof t === 'string');
const text = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v.trim() || undefined;
  if (isObject(v)) return text(v['name'] ?? v['@value']);
  if (Array.isArray(v)) return text(v[0]);
  return undefined;
};

/** Every node of a JSON-LD value, flattened through arrays, @graph, ItemList and DataFeed. */
function nodesOf(value: unknown, depth = 0): Node[] {
  if (depth > 5) return [];
  if (Array.isArray(value)) return value.flatMap((v) => nodesOf(v, depth + 1));
  if (!isObject(value)) return [];
  const nested = [value['@graph'], value['itemListElement'], value['dataFeedElement']].flatMap((v) => asArray(v));
  const inner = nested.flatMap((element) => nodesOf(isObject(element) && isObject(element['item']) ? element['item'] : element, depth + 1));
  return [value, ...inner];
}

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
function languageOf(v: unknown): string | undefined {
  const code = isObject(v) ? (text(v['alternateName']) ?? text(v['name'])) : text(v);
  if (!code) return undefined;
  const lower = code.toLowerCase();
  return LANGUAGE.test(lower) ? lower.split('-')[0] : undefined;
}

/** ISO 8601 duration (PT12H30M, P2D) → hours. */
function hoursOf(v: unknown): number | undefined {
  const match = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?)?$/.exec(text(v) ?? '');
  if (!match || (!match[1] && !match[2] && !match[3])) return undefined;
  return Number(match[1] ?? 0) * 24 + Number(match[2] ?? 0) + Number(match[3] ?? 0) / 60;
}

const MODES: Record<string, string> = { online: 'live-online', onsite: 'in-person', 'on-site': 'in-person', blended: 'blended' };
const AUDIENCES = new Map(
  (CONTROLLED_LISTS.find((l) => l.name === 'audiences')?.terms ?? []).flatMap((term) => [
    [term.code, term.code],
    ...Object.values(term.labels).map((label): [string, string] => [String(label).toLowerCase(), term.code]),
  ]),
);

/** Codes of `known` named by `words` (a code, or a name in any language), in order, without repeats. */
function codesNamed(words: readonly string[], known: ReadonlyMap<string, string>): string[] {
  return [...new Set(words.map((w) => known.get(w.trim().toLowerCase())).filter((c): c is string => c !== undefined))];
}

function topicIndex(vocab: Vocabulary): Map<string, string> {
  const index = new Map<string, string>();
  for (const [code, names] of vocab.topics) {
    index.set(code, code);
    for (const name of Object.values(names)) if (name) index.set(name.toLowerCase(), code);
  }
  return index;
}

function courseBody(node: Node, defaults: HarvestDefaults, topics: ReadonlyMap<string, string>): { body: Node; problems: string[] } {
  const problems: string[] = [];
  const name = text(node['name']);
  const description = text(node['description']);
  if (!name) problems.push('name: missing');
  if (!description) problems.push('description: missing (it becomes the summary)');
  const language = languageOf(node['inLanguage']);
  if (!language) problems.push('inLanguage: missing or not a language code such as "fr"');
  const instance = asArray(node['hasCourseInstance']).find(isObject) ?? {};
  const languages = [
    ...new Set(
      [...asArray(node['availableLanguage']), ...asArray(instance['inLanguage']), node['inLanguage']].map(languageOf).filter(Boolean),
    ),
  ] as string[];
  const words = [...asArray(node['about']), ...asArray(node['teaches']), ...String(text(node['keywords']) ?? '').split(',')]
    .map((v) => (typeof v === 'string' ? v : (text(v) ?? '')))
    .filter(Boolean);
  const audienceWords = asArray(node['audience']).map((a) => (isObject(a) ? (text(a['audienceType']) ?? '') : (text(a) ?? '')));
  const offer = asArray(node['offers']).find(isObject);
  const price = offer ? Number(text(offer['price']) ?? offer['price']) : NaN;
  const mode = text(instance['courseMode'])
    ?.toLowerCase()
    .replace(/^https?:\/\/schema\.org\//, '');
  const start = text(instance['startDate'])?.slice(0, 10);
  const end = text(instance['endDate'])?.slice(0, 10);
  const hours = hoursOf(instance['courseWorkload'] ?? node['timeRequired']);
  const summary = description && description.length > 600 ? `${description.slice(0, 597)}…` : description;
  const itemTopics = codesNamed(words, topics);
  const itemAudiences = codesNamed(audienceWords, AUDIENCES);
  return {
    problems,
    body: {
      kind: 'course',
      language: language ?? '',
      title: name ?? '',
      summary: summary ?? '',
      ...(description && description.length > 600 ? { description } : {}),
      topics: itemTopics.length > 0 ? itemTopics.slice(0, 5) : [...defaults.topics],
      audiences: itemAudiences.length > 0 ? itemAudiences.slice(0, 5) : [...defaults.audiences],
      languages: languages.length > 0 ? languages : language ? [language] : [],
      ...(text(node['url']) ? { url: text(node['url']) } : {}),
      ...(mode && MODES[mode] ? { modality: MODES[mode] } : {}),
      ...(start || end ? { startDate: start ?? null, endDate: end ?? null, rolling: false } : { rolling: true }),
      ...(hours !== undefined ? { durationHours: Math.round(hours * 100) / 100 } : {}),
      ...(Number.isFinite(price) && price > 0 && offer ? { fee: { amount: price, currency: text(offer['priceCurrency']) ?? '' } } : {}),
    },
  };
}

const SCRIPT = /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;

function readJsonLd(source: string, isHtml: boolean, defaults: HarvestDefaults, vocab: Vocabulary): HarvestItem[] {
  const blocks = isHtml ? [...source.matchAll(SCRIPT)].map((m) => m[1]!) : [source];
  if (isHtml && blocks.length === 0)
    throw new FormatError({ file: 'catalogue', message: 'the page holds no schema.org JSON-LD (<script type="application/ld+json">)' });
  const topics = topicIndex(vocab);
  const items: HarvestItem[] = [];
  blocks.forEach((block, b) => {
    let data: unknown;
    try {
      data = JSON.parse(block.replace(/^\uFEFF/, '').trim());
    } catch (error) {
      items.push({
        position: items.length + 1,
        key: undefined,
        body: {},
        problems: [`JSON-LD block ${b + 1}: not valid JSON (${(error as Error).message})`],
      });
      return;
    }
    for (const node of nodesOf(data)) {
      if (!typesOf(node).includes('Course')) continue;
      const { body, problems } = courseBody(node, defaults, topics);
      const key = text(node['@id']) ?? text(node['url']) ?? text(node['name']);
      items.push({ position: items.length + 1, key, body, problems });
    }
  });
  // Nothing but unreadable blocks: the document as a whole cannot be read (a partial page still reports per block).
  if (items.every((item) => item.key === undefined && item.problems.length > 0))
    throw new FormatError({ file: 'catalogue', message: items[0]?.problems[0] ?? 'no schema.org Course found in the catalogue' });
  if (items.length === 0) throw new FormatError({ file: 'catalogue', message: 'no schema.org Course found in the catalogue' });
  return items;
}

function readCsv(source: string, defaults: HarvestDefaults): HarvestItem[] {
  const parsed = parseImportFile(
    { name: 'catalogue.csv', text: source },
    { specs: OFFERING_COLUMNS, required: OFFERING_REQUIRED, exportOnly: OFFERING_EXPORT_ONLY },
  );
  const fileProblems = parsed.problems.filter((p) => p.line === 1).map((p) => `${p.field ?? 'header'}: ${p.message}`);
  return parsed.items.map((item, i) => {
    const line = item.locate([], '').line ?? i + 2;
    const problems = [...fileProblems, ...parsed.problems.filter((p) => p.line === line).map((p) => `${p.field ?? 'line'}: ${p.message}`)];
    const body = { ...item.body };
    delete body['status'];
    if (!Array.isArray(body['topics']) || (body['topics'] as unknown[]).length === 0) body['topics'] = [...defaults.topics];
    if (!Array.isArray(body['audiences']) || (body['audiences'] as unknown[]).length === 0) body['audiences'] = [...defaults.audiences];
    const id = typeof body['id'] === 'string' ? body['id'] : undefined;
    delete body['id'];
    const key =
      id ?? (typeof body['url'] === 'string' ? body['url'] : undefined) ?? (typeof body['title'] === 'string' ? body['title'] : undefined);
    return { position: line, key, body, problems };
  });
}

/**
 * The items of a fetched catalogue; a FormatError when the whole document cannot be read.
 * @example readCatalogue({ contentType: 'text/html', text: page }, { topics: ['cybersecurity'], audiences: ['public-servants'] }, vocab)
 */
export function readCatalogue(
  fetched: { contentType: string; text: string; url: string },
  defaults: HarvestDefaults,
  vocab: Vocabulary,
): HarvestItem[] {
  const type = fetched.contentType.toLowerCase();
  const start = fetched.text.replace(/^\uFEFF/, '').trimStart();
  if (type.includes('csv') || /\.csv(\?|$)/i.test(fetched.url)) return readCsv(fetched.text, defaults);
  if (type.includes('html') || start.startsWith('<')) return readJsonLd(fetched.text, true, defaults, vocab);
  if (type.includes('json') || start.startsWith('{') || start.startsWith('[')) return readJsonLd(fetched.text, false, defaults, vocab);
  throw new FormatError({
    file: 'catalogue',
    message: `cannot read a catalogue of type "${fetched.contentType || 'unknown'}": publish schema.org Course JSON-LD or CSV in the template`,
  });
}
