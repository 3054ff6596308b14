/**
 * Vitest global setup: starts the two PostgreSQL engines the database suite runs
 * against, once per run, and prepares on each a template database with the
 * schema and the real reference and indicator data, so every test file can clone its own
 * database in milliseconds.
 *
 * - embedded: the npm-shipped PostgreSQL the app uses by default, under a temp DCP_HOME;
 * - server: TEST_DATABASE_URL (CI starts a throwaway PostgreSQL 15+ cluster), else a
 *   throwaway cluster from the system's PostgreSQL binaries when they exist.
 */
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config/config.js';
import { createDb } from '../../src/db/database.js';
import { ensureCluster, type RunningCluster } from '../../src/db/embedded/cluster.js';
import { startEmbedded } from '../../src/db/embedded/embedded.js';
import { unprivilegedAccount } from '../../src/db/embedded/run-as.js';
import { migrate } from '../../src/db/migrate.js';
import { importReference } from '../../src/features/reference/index.js';
import { importIndicators } from '../../src/features/indicators/index.js';
import { JOBS } from '../../src/jobs.js';
import { ensureQueues } from '../../src/platform/jobs/index.js';
import { TEMPLATE_DATABASE, withDatabase, type Engine } from '../support/engines.js';

declare module 'vitest' {
  export interface ProvidedContext {
    engines: Engine[];
  }
}

export default async function setup(project: TestProject) {
  const home = mkdtempSync(path.join(tmpdir(), 'dcp-test-'));
  chmodSync(home, 0o755); // PostgreSQL runs as an unprivileged account when we are root

  const clusters: RunningCluster[] = [];
  const engines: Engine[] = [];

  const embedded = await startEmbedded(path.join(home, 'embedded'));
  clusters.push(embedded);
  engines.push({ name: 'embedded', url: embedded.url });

  const serverUrl = process.env['TEST_DATABASE_URL'] ?? (await startSystemCluster(path.join(home, 'server'), clusters));
  if (serverUrl) engines.push({ name: 'server', url: serverUrl });
  else console.warn('[dcp tests] no TEST_DATABASE_URL and no system PostgreSQL: the database suite runs on the embedded engine only');

  const dataDir = loadConfig({}).dataDir;
  if (!dataDir) throw new Error('The tests read the real data in ../shared/data (or DCP_DATA_DIR); none was found');
  for (const engine of engines) await prepareTemplate(engine, dataDir);

  project.provide('engines', engines);
  return async () => {
    for (const cluster of clusters) await cluster.stop().catch(() => {});
    rmSync(home, { recursive: true, force: true });
  };
}

/** Drops and recreates the template, migrated and loaded with the reference data. */
async function prepareTemplate(engine: Engine, dataDir: string): Promise<void> {
  await withDatabase(engine.url, async (admin) => {
    await admin.query(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
    await admin.query(`create database ${TEMPLATE_DATABASE}`);
  });
  const db = createDb(databaseUrl(engine.url, TEMPLATE_DATABASE), { max: 2 });
  try {
    await migrate(db);
    // The job queues too (migrations installed their schema), so cloned databases start with them.
    await ensureQueues(db, JOBS);
    await importReference(db, dataDir);
    await importIndicators(db, dataDir);
  } finally {
    await db.destroy();
  }
}

function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function startSystemCluster(home: string, clusters: RunningCluster[]): Promise<string | undefined> {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const version = readdirSync(root)
    .filter((v) => Number(v) >= 15)
    .toSorted((a, b) => Number(b) - Number(a))[0];
  if (!version) return undefined;
  const cluster = await ensureCluster({ binDir: path.join(root, version, 'bin'), home, runAs: unprivilegedAccount() });
  clusters.push(cluster);
  return cluster.url;
}
