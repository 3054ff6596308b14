import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './config/config.js';
import { buildOpenApiDocument, serialiseOpenApi } from './openapi-document.js';

describe('OpenAPI document', () => {
  const document = buildOpenApiDocument();

  it('matches the committed docs/openapi.json (run `npm run openapi` after changing a route)', () => {
    const committed = readFileSync(path.join(projectRoot, 'docs', 'openapi.json'), 'utf8');
    expect(serialiseOpenApi(document)).toBe(committed);
  });

  it('is OpenAPI 3.1 and documents every public reference route with a problem response', () => {
    expect(document.openapi).toBe('3.1.0');
    const paths = Object.keys(document.paths ?? {});
    expect(paths).toEqual(
      expect.arrayContaining([
        '/healthz',
        '/api/v1/countries',
        '/api/v1/countries/{code}',
        '/api/v1/groups',
        '/api/v1/groups/{code}',
        '/api/v1/taxonomies/{name}',
      ]),
    );
    const countries = document.paths?.['/api/v1/countries']?.get;
    expect(Object.keys(countries?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400']));
    expect(document.components?.schemas?.['Problem']).toBeDefined();
  });
});
