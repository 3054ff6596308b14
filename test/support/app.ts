/** The app assembled for in-process HTTP tests (`app.request()`, no port). */
import pino from 'pino';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import type { Db } from '../../src/db/database.js';

export const silentLogger = pino({ level: 'silent' });

/** @param env extra environment for the configuration, e.g. { DCP_PUBLIC_URL: 'https://dcp.example.org' } */
export function testApp(db: Db, env: Record<string, string> = {}) {
  // Trust X-Forwarded-For so each test can speak from its own address (rate limits are per address).
  return createApp({ db, config: loadConfig({ NODE_ENV: 'test', DCP_TRUST_PROXY: 'true', ...env }), logger: silentLogger });
}

/** Parses a JSON response body, typed loosely for assertions. */
export async function body<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
