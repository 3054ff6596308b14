/**
 * Static assets, read once at start and served under a content-hashed name, so
 * browsers may cache them for a year and a change is picked up at once.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Asset {
  readonly path: string;
  readonly body: string;
  readonly type: string;
  readonly etag: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));

function load(file: string, type: string): Asset {
  const body = readFileSync(path.join(here, 'static', file), 'utf8');
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 10);
  const [name, ext] = file.split('.');
  return { path: `/static/${name}.${hash}.${ext}`, body, type, etag: `"${hash}"` };
}

export const stylesheet = load('app.css', 'text/css; charset=utf-8');
export const ASSETS: readonly Asset[] = [stylesheet];
