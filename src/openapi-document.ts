/**
 * The OpenAPI document built without a database, for the committed copy in
 * docs/openapi.json and its drift test. Routes only describe themselves here.
 */
import pino from 'pino';
import { createApp, openApiDocument } from './app.js';
import { loadConfig } from './config/config.js';
import { createDb } from './db/database.js';

export function buildOpenApiDocument() {
  // A pool that is never used: building the document runs no query.
  const db = createDb('postgres://openapi@127.0.0.1:1/none');
  const app = createApp({ db, config: loadConfig({}), logger: pino({ level: 'silent' }) });
  const document = openApiDocument(app);
  void db.destroy();
  return document;
}

/** Stable text for committing: two-space JSON with a final newline. */
export function serialiseOpenApi(document: object): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
