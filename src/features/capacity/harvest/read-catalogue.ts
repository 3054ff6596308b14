/**
 * Reads a harvested catalogue into offering create bodies, one per item, each with the key that
 * identifies it in that catalogue and what could not be read. Two formats, as the provider
 * registered the source:
 *   - `json-ld`: schema.org JSON-LD, a page of <script type="application/ld+json"> blocks or a
 *     JSON feed; which schema.org types become which offering kinds, and which fields are read,
 *     is written in read-json-ld.ts.
 *   - `csv`: CSV in the offerings template (docs/data/offerings-csv.md), read by the import reader.
 * A document that is not what the source was registered as is refused as a whole (nothing
 * changes). Nothing here validates against the schema or vocabulary; the harvest service does,
 * per item.
 */
import { FormatError } from '../../../formats/csv/format-error.js';
import { OFFERING_COLUMNS, OFFERING_EXPORT_ONLY, OFFERING_REQUIRED } from '../csv-template.js';
import { parseImportFile } from '../import-file.js';
import type { Vocabulary } from '../vocabulary.js';
import { readJsonLd } from './read-json-ld.js';

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

export const SOURCE_FORMATS = ['json-ld', 'csv'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/**
 * The items of a fetched catalogue in the format its source was registered with; a FormatError
 * when the whole document cannot be read.
 * @example readCatalogue({ contentType: 'text/html', text: page, url }, 'json-ld', { topics: ['cybersecurity'], audiences: ['public-servants'] }, vocab)
 */
export function readCatalogue(
  fetched: { contentType: string; text: string; url: string },
  format: SourceFormat,
  defaults: HarvestDefaults,
  vocab: Vocabulary,
): HarvestItem[] {
  const type = fetched.contentType.toLowerCase();
  const start = fetched.text.replace(/^\uFEFF/, '').trimStart();
  if (format === 'csv') {
    if (type.includes('html') || type.includes('json') || start.startsWith('<') || start.startsWith('{') || start.startsWith('['))
      throw new FormatError({
        file: 'catalogue',
        message: `registered as CSV, but the address serves ${fetched.contentType || 'HTML or JSON'}`,
      });
    return readCsv(fetched.text, defaults);
  }
  if (type.includes('html') || start.startsWith('<')) return readJsonLd(fetched.text, true, defaults, vocab);
  if (type.includes('json') || start.startsWith('{') || start.startsWith('[')) return readJsonLd(fetched.text, false, defaults, vocab);
  throw new FormatError({
    file: 'catalogue',
    message: `registered as JSON-LD, but the address serves ${fetched.contentType || 'something else'}: publish schema.org JSON-LD, or register it as CSV`,
  });
}
