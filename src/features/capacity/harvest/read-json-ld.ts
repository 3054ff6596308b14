/**
 * Reads schema.org JSON-LD — a page with <script type="application/ld+json"> blocks, or a JSON
 * feed (an array, an `@graph`, an `ItemList` or `DataFeed` of them) — into offering create
 * bodies, one per item. What each schema.org type becomes (our offering kinds):
 *
 *   Course                                      → course
 *   EducationalOccupationalProgram              → programme
 *   Service, ProfessionalService,
 *   GovernmentService                           → advisory-service; expert-pool when its
 *                                                  serviceType or additionalType says "expert pool",
 *                                                  "roster" or "experts"
 *   CreativeWork, DigitalDocument (and its
 *   Text/Presentation/Spreadsheet kinds),
 *   LearningResource, HowTo, Guide, Report,
 *   Book, Manuscript                            → toolkit-guide
 *   MonetaryGrant                               → financing-pledge (amount: MonetaryAmount or
 *                                                  number with currency; the UMC dimension it
 *                                                  addresses named in about / keywords)
 *
 * Infrastructure pledges have no schema.org type of their own: publish them as CSV in our
 * template. Page furniture (WebSite, WebPage, BreadcrumbList, Organization, Person, Place …) is
 * passed over; any other item — an Event, a Product, an item without @type — is reported with
 * its position and key, never dropped silently.
 *
 * Fields, for every kind where present: name, description (→ summary, cut at 600 characters;
 * the whole as description), inLanguage (the content's language; a code, not a name),
 * availableLanguage and instances' inLanguage (languages), url, about / teaches / keywords
 * (topics, by code or name in any language), audience.audienceType (audiences), educationalLevel
 * (levels), educationalCredentialAwarded (certification), courseMode of hasCourseInstance or a
 * service's availableChannel (modality), startDate / endDate (of the first course instance, the
 * item, or its temporalCoverage interval; none → rolling, except pledges), courseWorkload or
 * timeRequired (duration), offers.price / priceSpecification (fee; isAccessibleForFree or price
 * 0 → free), areaServed / eligibleRegion (eligible countries, by ISO alpha-3 or name). The
 * provider is the source's organisation, whatever `provider` says. Topics and audiences an item
 * does not name come from the source's defaults. Nothing here checks the schema or vocabulary:
 * the harvest service does, per item.
 */
import { FormatError } from '../../../formats/csv/format-error.js';
import type { Vocabulary } from '../vocabulary.js';
import {
  asArray,
  AUDIENCES,
  certificationOf,
  codesNamed,
  countryIndex,
  dateOf,
  hoursOf,
  intervalOf,
  isObject,
  languageOf,
  LEVELS,
  modalityOf,
  serviceModalityOf,
  text,
  texts,
  topicIndex,
  typesOf,
  UMC_DIMENSIONS,
  type Node,
} from './json-ld-fields.js';
import type { HarvestDefaults, HarvestItem } from './read-catalogue.js';

const KIND_OF_TYPE: Record<string, string> = {
  Course: 'course',
  EducationalOccupationalProgram: 'programme',
  Service: 'advisory-service',
  ProfessionalService: 'advisory-service',
  GovernmentService: 'advisory-service',
  CreativeWork: 'toolkit-guide',
  DigitalDocument: 'toolkit-guide',
  TextDigitalDocument: 'toolkit-guide',
  PresentationDigitalDocument: 'toolkit-guide',
  SpreadsheetDigitalDocument: 'toolkit-guide',
  LearningResource: 'toolkit-guide',
  HowTo: 'toolkit-guide',
  Guide: 'toolkit-guide',
  Report: 'toolkit-guide',
  Book: 'toolkit-guide',
  Manuscript: 'toolkit-guide',
  MonetaryGrant: 'financing-pledge',
};

/** What a catalogue page carries besides its items: passed over without a word. */
const FURNITURE = new Set([
  'WebSite',
  'WebPage',
  'CollectionPage',
  'ItemPage',
  'AboutPage',
  'ContactPage',
  'SearchResultsPage',
  'FAQPage',
  'BreadcrumbList',
  'ItemList',
  'ListItem',
  'DataFeed',
  'DataFeedItem',
  'SiteNavigationElement',
  'SearchAction',
  'ImageObject',
  'Organization',
  'EducationalOrganization',
  'CollegeOrUniversity',
  'GovernmentOrganization',
  'NGO',
  'Corporation',
  'Person',
  'Place',
  'PostalAddress',
  'ContactPoint',
]);

export const MAPPED_TYPES = Object.keys(KIND_OF_TYPE);

function kindOf(node: Node): string | undefined {
  const type = typesOf(node).find((t) => KIND_OF_TYPE[t]);
  if (!type) return undefined;
  const kind = KIND_OF_TYPE[type]!;
  if (kind === 'advisory-service' && /expert pool|roster|experts/i.test(texts([node['serviceType'], node['additionalType']]).join(' ')))
    return 'expert-pool';
  return kind;
}

/** Fee from offers: price or priceSpecification.price, with its currency; 0 or isAccessibleForFree → free. */
function feeOf(node: Node): { amount: number; currency: string } | undefined {
  if (node['isAccessibleForFree'] === true) return undefined;
  const offer = asArray(node['offers']).find(isObject);
  if (!offer) return undefined;
  const spec = asArray(offer['priceSpecification']).find(isObject) ?? {};
  const price = Number(text(offer['price']) ?? text(spec['price']));
  const currency = text(offer['priceCurrency']) ?? text(spec['priceCurrency']) ?? '';
  return Number.isFinite(price) && price > 0 ? { amount: price, currency } : undefined;
}

/** A grant's pledge: amount and currency, and the UMC dimension its about / keywords name. */
function pledgeOf(node: Node, words: readonly string[], problems: string[]) {
  const amount = node['amount'];
  const value = isObject(amount) ? Number(text(amount['value'])) : Number(text(amount));
  const currency = isObject(amount) ? text(amount['currency']) : text(node['currency']);
  const umc = codesNamed(words, UMC_DIMENSIONS)[0];
  if (!umc) problems.push('about / keywords: name the connectivity (UMC) dimension the grant addresses, e.g. "affordability"');
  if (!Number.isFinite(value)) problems.push('amount: missing (a MonetaryAmount with value and currency)');
  return { amount: Number.isFinite(value) ? value : null, currency: currency ?? null, umcDimension: umc ?? '' };
}

function itemBody(node: Node, kind: string, defaults: HarvestDefaults, vocab: Vocabulary): { body: Node; problems: string[] } {
  const problems: string[] = [];
  const name = text(node['name']);
  const description = text(node['description']);
  if (!name) problems.push('name: missing');
  if (!description) problems.push('description: missing (it becomes the summary)');
  const language = languageOf(node['inLanguage']);
  if (!language) problems.push('inLanguage: missing or not a language code such as "fr"');
  const instances = asArray(node['hasCourseInstance']).filter(isObject);
  const instance = instances[0] ?? {};
  const languages = [
    ...new Set(
      [...asArray(node['availableLanguage']), ...instances.flatMap((i) => asArray(i['inLanguage'])), node['inLanguage']]
        .map(languageOf)
        .filter(Boolean),
    ),
  ] as string[];
  const words = [...texts(node['about']), ...texts(node['teaches']), ...texts(node['keywords'])].map((w) => w.trim()).filter(Boolean);
  const audienceWords = asArray(node['audience']).map((a) => (isObject(a) ? (text(a['audienceType']) ?? '') : (text(a) ?? '')));
  const modality =
    modalityOf([...instances.map((i) => i['courseMode']), node['courseMode'], ...texts(node['learningResourceType'])]) ??
    serviceModalityOf(asArray(node['availableChannel']));
  const interval = intervalOf(node['temporalCoverage']);
  const start = dateOf(instance['startDate']) ?? dateOf(node['startDate']) ?? interval.start;
  const end = dateOf(instance['endDate']) ?? dateOf(node['endDate']) ?? interval.end;
  const hours = hoursOf(instance['courseWorkload'] ?? node['timeRequired']);
  const summary = description && description.length > 600 ? `${description.slice(0, 597)}…` : description;
  const itemTopics = codesNamed(words, topicIndex(vocab));
  const itemAudiences = codesNamed(audienceWords, AUDIENCES);
  const levels = codesNamed(texts(node['educationalLevel']), LEVELS);
  const certification = certificationOf(node['educationalCredentialAwarded']);
  const countries = codesNamed([...texts(node['areaServed']), ...texts(node['eligibleRegion'])], countryIndex(vocab));
  const fee = feeOf(node);
  const pledge = kind === 'financing-pledge' ? pledgeOf(node, words, problems) : undefined;
  return {
    problems,
    body: {
      kind,
      language: language ?? '',
      title: name ?? '',
      summary: summary ?? '',
      ...(description && description.length > 600 ? { description } : {}),
      topics: itemTopics.length > 0 ? itemTopics.slice(0, 5) : [...defaults.topics],
      audiences: itemAudiences.length > 0 ? itemAudiences.slice(0, 5) : [...defaults.audiences],
      languages: languages.length > 0 ? languages : language ? [language] : [],
      ...(text(node['url']) ? { url: text(node['url']) } : {}),
      ...(modality && kind !== 'financing-pledge' && kind !== 'toolkit-guide' ? { modality } : {}),
      ...(levels.length > 0 ? { levels } : {}),
      ...(certification ? { certification } : {}),
      ...(countries.length > 0 ? { eligibleCountries: countries } : {}),
      ...(start || end || pledge ? { startDate: start ?? null, endDate: end ?? null, rolling: false } : { rolling: true }),
      ...(hours !== undefined ? { durationHours: Math.round(hours * 100) / 100 } : {}),
      ...(fee ? { fee } : {}),
      ...(pledge ? { pledge } : {}),
    },
  };
}

/** Every node of a JSON-LD value, flattened through arrays, @graph, ItemList and DataFeed. */
function nodesOf(value: unknown, depth = 0): Node[] {
  if (depth > 5) return [];
  if (Array.isArray(value)) return value.flatMap((v) => nodesOf(v, depth + 1));
  if (!isObject(value)) return [];
  const nested = [value['@graph'], value['itemListElement'], value['dataFeedElement']].flatMap((v) => asArray(v));
  const inner = nested.flatMap((element) => nodesOf(isObject(element) && isObject(element['item']) ? element['item'] : element, depth + 1));
  return [value, ...inner];
}

const SCRIPT = /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;
const WHAT_WE_READ = `${MAPPED_TYPES.join(', ')}`;

/** The items of a JSON-LD page (isHtml) or feed; a FormatError when the document as a whole cannot be read. */
export function readJsonLd(source: string, isHtml: boolean, defaults: HarvestDefaults, vocab: Vocabulary): HarvestItem[] {
  const blocks = isHtml ? [...source.matchAll(SCRIPT)].map((m) => m[1]!) : [source];
  if (isHtml && blocks.length === 0)
    throw new FormatError({ file: 'catalogue', message: 'the page holds no schema.org JSON-LD (<script type="application/ld+json">)' });
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
      const types = typesOf(node);
      const key = text(node['@id']) ?? text(node['url']) ?? text(node['name']);
      const kind = kindOf(node);
      if (kind) {
        const { body, problems } = itemBody(node, kind, defaults, vocab);
        items.push({ position: items.length + 1, key, body, problems });
        continue;
      }
      // A container (@graph root, a bare list) or page furniture: not an item.
      if (types.some((t) => FURNITURE.has(t))) continue;
      if (types.length === 0 && (node['@graph'] !== undefined || node['@context'] !== undefined)) continue;
      const what = types.length > 0 ? `@type ${types.join(', ')}` : 'an item without @type';
      items.push({
        position: items.length + 1,
        key,
        body: {},
        problems: [`${what} is not something we list; we read ${WHAT_WE_READ}`],
      });
    }
  });
  // Nothing but unreadable blocks: the document as a whole cannot be read (a partial page still reports per block).
  if (items.length > 0 && items.every((item) => item.key === undefined && item.problems.length > 0))
    throw new FormatError({ file: 'catalogue', message: items[0]!.problems[0]! });
  if (items.length === 0)
    throw new FormatError({ file: 'catalogue', message: `no schema.org item found in the catalogue (we read ${WHAT_WE_READ})` });
  return items;
}
