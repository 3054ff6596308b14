import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../openapi-document.js';

describe('indicators in the OpenAPI document', () => {
  const document = buildOpenApiDocument();

  it('documents every indicators route with JSON, CSV and SDMX-CSV where offered, and problem responses', () => {
    const paths = document.paths ?? {};
    for (const path of [
      '/api/v1/indicators/{code}/observations',
      '/api/v1/indicators/{code}/aggregates',
      '/api/v1/countries/{iso3}/profile',
    ]) {
      const get = paths[path]?.get;
      expect(
        Object.keys(get?.responses?.['200'] && 'content' in get.responses['200'] ? (get.responses['200'].content ?? {}) : {}),
        path,
      ).toEqual(['application/json', 'text/csv', 'application/vnd.sdmx.data+csv']);
      expect(Object.keys(get?.responses ?? {}), path).toEqual(expect.arrayContaining(['400', '404']));
    }
    const catalogue = paths['/api/v1/indicators']?.get?.responses?.['200'];
    expect(Object.keys(catalogue && 'content' in catalogue ? (catalogue.content ?? {}) : {})).toEqual(['application/json', 'text/csv']);
    const params = (paths['/api/v1/indicators/{code}/observations']?.get?.parameters ?? []).map((p) => ('name' in p ? p.name : ''));
    expect(params).toEqual(expect.arrayContaining(['code', 'countries', 'groups', 'years', 'breakdown', 'limit', 'cursor', 'format']));
  });
});
