/**
 * The backup file: gzip of a magic line, then length-prefixed frames — the
 * header (JSON: schema version, tables in dependency order with their columns and
 * row counts, sequences), each table's rows as PostgreSQL COPY text (frames, an
 * empty frame ends a table), and a closing frame. Frames carry the COPY bytes
 * as the server sent them, so nothing is parsed or re-escaped on the way.
 * See docs/decisions/005-logical-backup.md for why not pg_dump.
 */
import type { Readable } from 'node:stream';

export const MAGIC = 'DCP-BACKUP 1\n';
export const FORMAT_VERSION = 1;

export interface TableEntry {
  readonly name: string;
  /** Stored columns in table order (generated columns are recomputed, not copied). */
  readonly columns: readonly string[];
  readonly rows: number;
}

export interface SequenceEntry {
  readonly name: string;
  readonly lastValue: string;
  readonly isCalled: boolean;
}

export interface BackupHeader {
  readonly format: typeof FORMAT_VERSION;
  readonly createdAt: string;
  /** `select version()` of the server that was backed up. */
  readonly server: string;
  /** The applied migrations, in order: the schema version the rows belong to. */
  readonly migrations: readonly string[];
  /** Parents before children (foreign keys), so rows go back in this order. */
  readonly tables: readonly TableEntry[];
  readonly sequences: readonly SequenceEntry[];
}

export const END_OF_FILE = { end: true };

/** One frame: a 4-byte big-endian length, then the bytes. */
export function frame(bytes: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

export function jsonFrame(value: unknown): Buffer {
  return frame(Buffer.from(JSON.stringify(value), 'utf8'));
}

/** A problem with the file itself (not a backup, damaged, truncated, from a newer version). */
export class BackupFileError extends Error {
  override name = 'BackupFileError';
}

/** Reads frames from a (gunzipped) stream, exactly as they were written. */
export class FrameReader {
  readonly #chunks: AsyncIterator<Buffer>;
  #buffer: Buffer = Buffer.alloc(0);

  constructor(
    stream: Readable,
    private readonly file: string,
  ) {
    this.#chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  }

  async magic(): Promise<void> {
    let bytes: Buffer;
    try {
      bytes = await this.#take(MAGIC.length, 'its first line');
    } catch (error) {
      throw new BackupFileError(`${this.file} is not a dcp backup (${(error as Error).message.replace(/^.*\((.*)\).*$/, '$1')})`);
    }
    if (bytes.toString('latin1') !== MAGIC)
      throw new BackupFileError(`${this.file} is not a dcp backup (it does not start with "${MAGIC.trim()}")`);
  }

  /** The next frame's bytes; an empty buffer for an empty frame. */
  async next(what: string): Promise<Buffer> {
    const length = (await this.#take(4, what)).readUInt32BE(0);
    return length === 0 ? Buffer.alloc(0) : this.#take(length, what);
  }

  async json<T>(what: string): Promise<T> {
    const bytes = await this.next(what);
    try {
      return JSON.parse(bytes.toString('utf8')) as T;
    } catch {
      throw new BackupFileError(`${this.file} is damaged: ${what} is not readable`);
    }
  }

  async #take(n: number, what: string): Promise<Buffer> {
    while (this.#buffer.length < n) {
      let step: IteratorResult<Buffer>;
      try {
        step = await this.#chunks.next();
      } catch (error) {
        throw new BackupFileError(`${this.file} is damaged or truncated (${(error as Error).message}) while reading ${what}`);
      }
      if (step.done) throw new BackupFileError(`${this.file} is truncated: it ends before ${what}`);
      this.#buffer = this.#buffer.length === 0 ? step.value : Buffer.concat([this.#buffer, step.value]);
    }
    const taken = this.#buffer.subarray(0, n);
    this.#buffer = this.#buffer.subarray(n);
    return taken;
  }
}
