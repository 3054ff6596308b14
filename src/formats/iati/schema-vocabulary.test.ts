import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IATI_DIR } from '../../../test/fixtures/iati/real-files.js';
import { readXsdVocabulary } from './read-xsd.js';
import { SCHEMA_VOCABULARY } from './schema-vocabulary.js';

describe('SCHEMA_VOCABULARY', () => {
  const fromSchema = readXsdVocabulary(
    ['iati-activities-schema.xsd', 'iati-common.xsd'].map((file) => readFileSync(path.join(IATI_DIR, file), 'utf8')),
    'iati-activities',
  );

  it('is exactly what the shipped IATI 2.03 schema allows, path by path', () => {
    expect(SCHEMA_VOCABULARY).toEqual(fromSchema);
  });

  it('knows the schema’s shape where the importer reads', () => {
    expect(Object.keys(fromSchema)).toHaveLength(201);
    expect(fromSchema['iati-activities/iati-activity/transaction/value']).toEqual({ attributes: ['currency', 'value-date'], children: [] });
    expect(fromSchema['iati-activities/iati-activity/document-link']).toEqual({
      attributes: ['format', 'url'],
      children: ['category', 'description', 'document-date', 'language', 'title'],
    });
    expect(fromSchema['iati-activities/iati-activity']?.attributes).toContain('xml:lang');
  });
});
