/**
 * Reads input files for imports: the text, its SHA-256 (the vintage we record)
 * and a FormatError naming the file when it is missing or unreadable.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FormatError } from '../../formats/csv/format-error.js';

export interface DataFile {
  readonly name: string;
  readonly path: string;
  readonly text: string;
  readonly sha256: string;
}

/** @example const file = await readDataFile('/data', 'un_m49_countries.csv'); */
export async function readDataFile(dir: string, name: string): Promise<DataFile> {
  const full = path.join(dir, name);
  let bytes: Buffer;
  try {
    bytes = await readFile(full);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error);
    throw new FormatError({ file: full, message: reason });
  }
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD')) throw new FormatError({ file: full, message: 'not valid UTF-8' });
  return { name, path: full, text, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Reads several files in parallel; when some fail, throws the error of the first in the
 * order given (not whichever failed first in time), so the message is the same every run.
 * @example await readAllInOrder(['a.csv', 'b.csv'], (name) => readDataFile(dir, name))
 */
export async function readAllInOrder<K, T>(keys: readonly K[], read: (key: K) => Promise<T>): Promise<T[]> {
  const settled = await Promise.allSettled(keys.map(read));
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<T>).value);
}
