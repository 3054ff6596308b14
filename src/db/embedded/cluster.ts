/**
 * Lifecycle of a local PostgreSQL cluster that the application owns: create it on
 * first start, start it detached (so a crash of the app does not take the data
 * with it), find and reuse a server left running after a crash (postmaster.pid),
 * and stop it on shutdown. Used for the embedded default (binaries from npm) and,
 * in tests, for a throwaway cluster from the system's own PostgreSQL binaries.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import type { RunAs } from './run-as.js';

export interface ClusterOptions {
  /** Directory holding initdb, pg_ctl and postgres. */
  readonly binDir: string;
  /** Directory for the cluster's secret and owner file, and by default its files (created when missing). */
  readonly home: string;
  /** The cluster's data directory, when not `home/pg` (see layout.ts: out of the account's reach). */
  readonly dataDir?: string;
  /** Account to run the server as when we are root. */
  readonly runAs: RunAs | undefined;
  /** Database created for the application. */
  readonly database?: string;
  readonly log?: (message: string) => void;
}

export interface RunningCluster {
  /** Connection string for the application database. */
  readonly url: string;
  /** True when a server already running (left by a crash, or another live process's) was adopted. */
  readonly reused: boolean;
  /**
   * True when this process is responsible for stopping the server: it started it, or
   * adopted one whose owner is gone. False when another live process (a running app,
   * while this one is a `dcp` command) owns it.
   */
  readonly owner: boolean;
  /** Stops the server if this process owns it (fast shutdown: open transactions are rolled back). */
  stop(): Promise<void>;
}

const SUPERUSER = 'dcp';
/** Pid of the process responsible for stopping the server (the app that started or adopted it). */
const OWNER_FILE = 'pg-owner.pid';

/**
 * Makes sure the cluster under `home` exists and is running, and returns how to reach it.
 * @example const cluster = await ensureCluster({ binDir, home: '.dcp', runAs: undefined });
 */
export async function ensureCluster(options: ClusterOptions): Promise<RunningCluster> {
  const log = options.log ?? (() => {});
  const dataDir = options.dataDir ?? path.join(options.home, 'pg');
  const database = options.database ?? 'dcp';
  mkdirSync(options.home, { recursive: true });
  // The unprivileged account must be able to reach the data directory inside home.
  if (options.runAs && path.dirname(dataDir) === path.resolve(options.home)) chmodSync(options.home, 0o711);
  const password = readOrCreateSecret(path.join(options.home, 'pg-secret'));

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`Creating the PostgreSQL cluster in ${dataDir}`);
    await initialise(options, dataDir, password);
  }

  const left = readPostmasterPid(dataDir);
  if (left && isAlive(left.pid)) {
    const url = connectionUrl(left.port, password, database);
    if (await answers(connectionUrl(left.port, password, 'postgres'))) {
      const otherOwner = liveOwner(options.home);
      log(
        otherOwner === undefined
          ? `Reusing the PostgreSQL server left running (pid ${left.pid}, port ${left.port})`
          : `Using the PostgreSQL server of the running process ${otherOwner} (port ${left.port}); it stays running`,
      );
      await ensureDatabase(left.port, password, database);
      if (otherOwner !== undefined) return { url, reused: true, owner: false, stop: async () => {} };
      claimOwnership(options.home);
      return { url, reused: true, owner: true, stop: () => stopServer(options, dataDir) };
    }
    throw new Error(
      `A PostgreSQL server (pid ${left.pid}) holds ${dataDir} but does not answer on port ${left.port}; stop it or remove the directory`,
    );
  }

  const port = await freePort();
  await run(options, 'pg_ctl', [
    'start',
    '-w',
    '-t',
    '60',
    '-D',
    dataDir,
    '-l',
    path.join(dataDir, 'server.log'),
    '-o',
    `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`,
  ]);
  log(`Started PostgreSQL on 127.0.0.1:${port}`);
  await ensureDatabase(port, password, database);
  claimOwnership(options.home);
  return { url: connectionUrl(port, password, database), reused: false, owner: true, stop: () => stopServer(options, dataDir) };
}

async function initialise(options: ClusterOptions, dataDir: string, password: string): Promise<void> {
  // Initialise beside the target and rename, so an interrupted initdb never
  // leaves a half-made cluster that a later start would mistake for a real one.
  const staging = `${dataDir}.init`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true, mode: 0o700 });
  const pwfile = path.join(staging, '..', `pg-pwfile-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (options.runAs) {
    chownSync(staging, options.runAs.uid, options.runAs.gid);
    chownSync(pwfile, options.runAs.uid, options.runAs.gid);
  }
  try {
    await run(options, 'initdb', [
      '-D',
      staging,
      '-U',
      SUPERUSER,
      '--auth=scram-sha-256',
      `--pwfile=${pwfile}`,
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      '--no-instructions',
    ]);
  } finally {
    rmSync(pwfile, { force: true });
  }
  renameSync(staging, dataDir);
}

function readOrCreateSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(24).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** postmaster.pid: line 1 is the pid, line 4 the port (PostgreSQL's documented layout). */
function readPostmasterPid(dataDir: string): { pid: number; port: number } | undefined {
  const file = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && Number.isInteger(port) ? { pid, port } : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function ensureDatabase(port: number, password: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: connectionUrl(port, password, 'postgres') });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

function connectionUrl(port: number, password: string, database: string): string {
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** The pid of the live process, other than us, that owns the server; undefined when none does. */
function liveOwner(home: string): number | undefined {
  const file = path.join(home, OWNER_FILE);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid !== process.pid && isAlive(pid) ? pid : undefined;
}

function claimOwnership(home: string): void {
  writeFileSync(path.join(home, OWNER_FILE), `${process.pid}\n`);
}

async function stopServer(options: ClusterOptions, dataDir: string): Promise<void> {
  rmSync(path.join(options.home, OWNER_FILE), { force: true });
  if (!existsSync(path.join(dataDir, 'postmaster.pid'))) return;
  await run(options, 'pg_ctl', ['stop', '-w', '-t', '60', '-m', 'fast', '-D', dataDir]);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Runs one of the cluster's binaries, as the unprivileged account when we are root. */
function run(options: ClusterOptions, binary: string, args: string[]): Promise<void> {
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(options.binDir, binary), args, {
      env,
      // Not home: the account may not be able to enter it (see layout.ts).
      cwd: '/',
      // pg_ctl's postmaster must outlive us: a crash of the app leaves it running for reuse.
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.runAs ? { uid: options.runAs.uid, gid: options.runAs.gid } : {}),
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${binary} ${args[0] ?? ''} failed (exit ${code}): ${output.trim()}`)),
    );
  });
}
