/**
 * `dcp import iati FILE.xml`: reads an IATI activity file and hands it to the projects feature's
 * importer, which reports every problem with its line and imports what is valid in one
 * transaction. Here are only the arguments and the file's bytes. The import runs as the system
 * (a coordinator's or an operator's act on the server), audited as such.
 */
import { readFile } from 'node:fs/promises';
import type { Db } from '../db/database.js';
import { FormatError } from '../formats/csv/format-error.js';
import { UsageError } from './command.js';
import { importIatiFile, type IatiImportSummary } from '../features/projects/index.js';

/** The file's text: UTF-8 (with or without BOM) or UTF-16 with a BOM, as IATI files come. */
function decode(file: string, bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD'))
    throw new FormatError({ file, message: 'not valid UTF-8 (IATI files are UTF-8, or UTF-16 with a byte order mark)' });
  return text;
}

/**
 * @example await importIatiCommand(db, 'activities.xml') // { activitiesRead: 7, created: 7, … }
 */
export async function importIatiCommand(db: Db, file: string | undefined): Promise<IatiImportSummary> {
  if (!file) throw new UsageError('import iati needs a FILE: an IATI 2.0x activity file (.xml)');
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new FormatError({ file, message: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error) });
  }
  return importIatiFile(db, { name: file, text: decode(file, bytes) });
}
