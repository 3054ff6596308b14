/**
 * What the clearinghouse's `dcp` commands (commands/capacity-*.ts) do with their arguments:
 * `import offerings|needs FILE --organisation ID`, `export offerings|needs [--organisation ID]
 * [--format csv|json]`, `demo generate [--offerings N] [--needs M] [--seed S]` and `demo remove`.
 * The work is the capacity feature's services; here are only the checks of the arguments. The
 * system runs imports (it may set statuses), so they are audited as `system`.
 */
import { readFile } from 'node:fs/promises';
import type { Db } from '../db/database.js';
import { UsageError } from './command.js';
import { FormatError } from '../formats/csv/format-error.js';
import { SYSTEM } from '../features/audit/index.js';
import {
  DEFAULT_SEED,
  exportAllNeeds,
  exportAllOfferings,
  generateDemoData,
  importNeeds,
  importOfferings,
  removeDemoData,
} from '../features/capacity/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function organisationArgument(value: string | undefined, required: boolean): string | undefined {
  if (value === undefined) {
    if (required) throw new UsageError('give the owning organisation: --organisation ID (its id, as in /api/v1/organisations)');
    return undefined;
  }
  if (!UUID.test(value)) throw new UsageError(`--organisation must be an organisation id (a UUID), not "${value}"`);
  return value.toLowerCase();
}

function count(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new UsageError(`--${name} must be a whole number from 0 to ${max}, not "${value}"`);
  return n;
}

/**
 * @example await importCapacityFile(db, 'offerings', 'catalogue.csv', { organisation })
 */
export async function importCapacityFile(
  db: Db,
  what: 'offerings' | 'needs',
  file: string | undefined,
  options: { organisation?: string | undefined },
) {
  if (!file) throw new UsageError(`import ${what} needs a FILE (.csv in the template, or .json: an array of create bodies)`);
  const organisation = organisationArgument(options.organisation, true)!;
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new FormatError({ file, message: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error) });
  }
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD')) throw new FormatError({ file, message: 'not valid UTF-8' });
  const importer = { actor: SYSTEM };
  return what === 'offerings'
    ? importOfferings(db, importer, organisation, { name: file, text })
    : importNeeds(db, importer, organisation, { name: file, text });
}

/** The text of `dcp export offerings|needs`. */
export async function exportCapacity(
  db: Db,
  what: 'offerings' | 'needs',
  options: { organisation?: string | undefined; format: 'csv' | 'json' },
): Promise<string> {
  const organisation = organisationArgument(options.organisation, false);
  const result =
    what === 'offerings'
      ? await exportAllOfferings(db, organisation, options.format)
      : await exportAllNeeds(db, organisation, options.format);
  return result.text;
}

/** `dcp demo remove`; returns what to print. */
export function demoRemove(db: Db): Promise<object> {
  return removeDemoData(db);
}

/** `dcp demo generate`; returns what to print. */
export function demoGenerate(
  db: Db,
  options: { offerings?: string | undefined; needs?: string | undefined; seed?: string | undefined },
): Promise<object> {
  return generateDemoData(db, {
    offerings: count(options.offerings, 'offerings', 300, 200_000),
    needs: count(options.needs, 'needs', 100, 100_000),
    seed: count(options.seed, 'seed', DEFAULT_SEED, 2 ** 31 - 1),
  });
}
