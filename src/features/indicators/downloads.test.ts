import { describe, expect, it } from 'vitest';
import { parseSdmxCsv, serialiseSdmxCsv, sdmxToObservations } from '../../formats/sdmx-csv/index.js';
import { chooseFormat, sdmxMessage } from './downloads.js';

describe('chooseFormat', () => {
  it('lets ?format= win over Accept', () => {
    expect(chooseFormat('csv', 'application/json')).toBe('csv');
  });

  it('reads Accept with quality values and falls back to JSON', () => {
    expect(chooseFormat(undefined, undefined)).toBe('json');
    expect(chooseFormat(undefined, 'text/csv')).toBe('csv');
    expect(chooseFormat(undefined, 'application/vnd.sdmx.data+csv; version=2.0.0')).toBe('sdmx-csv');
    expect(chooseFormat(undefined, 'application/json;q=0.5, text/csv;q=0.9')).toBe('csv');
    expect(chooseFormat(undefined, 'text/html,*/*;q=0.8')).toBe('json');
    expect(chooseFormat(undefined, 'text/csv;q=0')).toBe('json');
  });
});

describe('sdmxMessage', () => {
  it('writes observations with source, vintage, licence and breakdowns that parse back', () => {
    const text = serialiseSdmxCsv(
      sdmxMessage([
        {
          observation: {
            indicator: 'mobile-ownership',
            area: 'KEN',
            year: 2018,
            value: 80.5,
            estimate: true,
            note: 'survey, 15+',
            breakdown: { SEX: 'female' },
          },
          source: 'ITU, via "SDG" database',
          vintage: '2020-10-19',
          licence: 'CC-BY-4.0',
        },
      ]),
      { lineEnding: '\n' },
    );
    const message = parseSdmxCsv(text);
    expect(message.rows[0]?.values).toMatchObject({
      SOURCE_DETAIL: 'ITU, via "SDG" database',
      VINTAGE: '2020-10-19',
      LICENCE: 'CC-BY-4.0',
      SEX: 'female',
    });
    expect(sdmxToObservations(message, { breakdownColumns: ['SEX'] }).observations).toEqual([
      {
        indicator: 'mobile-ownership',
        area: 'KEN',
        year: 2018,
        value: 80.5,
        estimate: true,
        note: 'survey, 15+',
        breakdown: { SEX: 'female' },
      },
    ]);
  });
});
