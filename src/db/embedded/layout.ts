/**
 * Where the embedded PostgreSQL's binaries and cluster live. Normally: the
 * npm-shipped binaries in node_modules and the cluster in DCP_HOME/pg. As root,
 * PostgreSQL runs as an unprivileged account (run-as.ts), which cannot reach a
 * checkout or a DCP_HOME under a private directory (`/root` is 0700). Then:
 *
 * - the binaries are copied (hard links when on the same file system) into a
 *   directory it can reach: DCP_HOME when reachable, else the place below;
 * - when DCP_HOME itself is out of reach, the cluster goes to
 *   `/var/lib/dcp/<checkout>-<hash of DCP_HOME>`, recorded in DCP_HOME/pg-location
 *   so that every later start, a `dcp` command beside a running app and the
 *   adoption after `kill -9` find the same cluster (DCP_HOME keeps the password
 *   and the owner file, which only root reads);
 * - when no such place can be made, it stops with one sentence naming what to set.
 */
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { canExecute, firstBlocked, type Blocked } from './reach.js';
import type { RunAs } from './run-as.js';

/** Where a cluster out of DCP_HOME's reach is kept by default. */
export const RELOCATION_BASE = '/var/lib/dcp';
/** The file in DCP_HOME naming the directory that holds the cluster when it is not DCP_HOME. */
export const LOCATION_FILE = 'pg-location';
const BINARIES = ['initdb', 'pg_ctl', 'postgres'];

export interface LayoutOptions {
  readonly home: string;
  /** The npm package's bin directory (…/native/bin). */
  readonly binDir: string;
  /** Its version, naming the copy (a new version gets a new copy). */
  readonly version: string;
  readonly runAs: RunAs | undefined;
  /** Default RELOCATION_BASE; tests pass their own. */
  readonly base?: string;
  readonly log?: (message: string) => void;
}

export interface EmbeddedLayout {
  readonly binDir: string;
  readonly dataDir: string;
  /** The directory outside DCP_HOME holding the cluster, when it had to move. */
  readonly relocatedTo?: string;
}

/** The embedded database cannot run from here; the message says what to set instead. */
export class EmbeddedUnreachableError extends Error {
  override name = 'EmbeddedUnreachableError';
}

/**
 * Decides (and prepares) where the binaries and the cluster are.
 * @example embeddedLayout({ home: '/root/dcp/.dcp', binDir, version: '18.4.0', runAs: nobody })
 * // { binDir: '/var/lib/dcp/dcp-3f2a…/postgres-18.4.0/bin', dataDir: '/var/lib/dcp/dcp-3f2a…/pg', relocatedTo: … }
 */
export function embeddedLayout(options: LayoutOptions): EmbeddedLayout {
  const { home, runAs } = options;
  if (!runAs) return { binDir: options.binDir, dataDir: path.join(home, 'pg') };
  const log = options.log ?? (() => {});
  mkdirSync(home, { recursive: true });
  // Home holds the cluster when the account reaches it (cluster.ts opens it the same way).
  chmodSync(home, 0o711);
  const place = placeOfCluster(options, runAs, log);
  const binDir = reachableBinaries(options, runAs, place, log);
  return place === home ? { binDir, dataDir: path.join(home, 'pg') } : { binDir, dataDir: path.join(place, 'pg'), relocatedTo: place };
}

/** DCP_HOME when the account reaches it, else the recorded or a new place it reaches. */
function placeOfCluster(options: LayoutOptions, runAs: RunAs, log: (message: string) => void): string {
  const { home } = options;
  const pointer = path.join(home, LOCATION_FILE);
  if (existsSync(pointer)) {
    const place = readFileSync(pointer, 'utf8').trim();
    prepareDirectory(place, runAs, home, undefined);
    return place;
  }
  const blocked = firstBlocked(runAs, home);
  if (!blocked) return home;
  if (existsSync(path.join(home, 'pg', 'PG_VERSION'))) {
    throw new EmbeddedUnreachableError(
      `PostgreSQL runs as ${runAs.name}, who cannot enter ${blocked.directory} (mode ${blocked.mode}) to reach the cluster in ${path.join(home, 'pg')}: allow it in (chmod o+x ${blocked.directory}), or set DATABASE_URL=postgres://… to use a PostgreSQL server.`,
    );
  }
  const base = options.base ?? RELOCATION_BASE;
  const checkout = path.basename(path.dirname(home)).replace(/[^A-Za-z0-9._-]/g, '_') || 'dcp';
  const place = path.join(base, `${checkout}-${createHash('sha256').update(home).digest('hex').slice(0, 12)}`);
  prepareDirectory(place, runAs, home, blocked);
  writeFileSync(pointer, `${place}\n`);
  log(
    `PostgreSQL runs as ${runAs.name}, who cannot enter ${blocked.directory} (mode ${blocked.mode}): its binaries and cluster are kept in ${place} (recorded in ${pointer})`,
  );
  return place;
}

/** Makes `dir` (and the missing parents) traversable by the account, or says what to do instead. */
function prepareDirectory(dir: string, runAs: RunAs, home: string, blocked: Blocked | undefined): void {
  let problem: string | undefined;
  try {
    const made = mkdirSync(dir, { recursive: true, mode: 0o711 });
    // mkdir's mode is cut by the umask (077 for many root shells): set it explicitly on what was made.
    if (made) for (let d = dir; d.length >= made.length; d = path.dirname(d)) chmodSync(d, 0o711);
    const still = firstBlocked(runAs, dir);
    if (still) problem = `${runAs.name} cannot enter ${still.directory} (mode ${still.mode})`;
  } catch (error) {
    problem = (error as Error).message;
  }
  if (problem === undefined) return;
  const why = blocked ? `cannot enter ${blocked.directory} (mode ${blocked.mode}) on the way to ${home}` : `cannot reach ${dir}`;
  throw new EmbeddedUnreachableError(
    `PostgreSQL runs as ${runAs.name}, who ${why}, and ${dir} could not be prepared for it (${problem}): set DCP_HOME to a directory ${runAs.name} can reach (for example DCP_HOME=/srv/dcp), or DATABASE_URL=postgres://… to use a PostgreSQL server.`,
  );
}

/** The npm binaries when the account may run them, else a copy of their tree in `place`. */
function reachableBinaries(options: LayoutOptions, runAs: RunAs, place: string, log: (message: string) => void): string {
  if (BINARIES.every((b) => canExecute(runAs, path.join(options.binDir, b)))) return options.binDir;
  const source = path.dirname(options.binDir);
  const target = path.join(place, `postgres-${options.version}`);
  if (!existsSync(path.join(target, 'bin', 'postgres'))) {
    const staging = `${target}.partial-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    copyTree(source, staging);
    // Renamed only when complete: an interrupted copy is never mistaken for a whole one.
    renameSync(staging, target);
    log(`PostgreSQL runs as ${runAs.name}, who cannot run the binaries in ${options.binDir}: using a copy in ${target}`);
  }
  const binDir = path.join(target, 'bin');
  if (!BINARIES.every((b) => canExecute(runAs, path.join(binDir, b)))) {
    throw new EmbeddedUnreachableError(
      `PostgreSQL runs as ${runAs.name}, who cannot run the binaries in ${options.binDir} nor their copy in ${binDir}: set DCP_HOME to a directory ${runAs.name} can reach (for example DCP_HOME=/srv/dcp), or DATABASE_URL=postgres://… to use a PostgreSQL server.`,
    );
  }
  return binDir;
}

/** Copies a directory tree readable by all: hard links where the file system allows, else copies; symbolic links kept. */
function copyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  chmodSync(to, 0o755);
  for (const entry of readdirSync(from)) {
    const source = path.join(from, entry);
    const target = path.join(to, entry);
    const stats = lstatSync(source);
    if (stats.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else if (stats.isDirectory()) copyTree(source, target);
    else {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
      // Readable (and, where the owner may run it, executable) by everyone.
      const mode = stats.mode & 0o777;
      chmodSync(target, mode | 0o444 | (mode & 0o100 ? 0o111 : 0));
    }
  }
}
