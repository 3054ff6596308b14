import { describe, expect, it } from 'vitest';
import { parseSdmxCsv, serialiseSdmxCsv, sdmxToObservations } from '../../formats/sdmx-csv/index.js';
import { chooseFormat, sdmxMessage } from './downloads.js';

const format = (accept: string | undefined) => chooseFormat(undefined, accept).format;

describe('chooseFormat', () => {
  it('lets ?format= win over Accept', () => {
    expect(chooseFormat('csv', 'application/json').format).toBe('csv');
  });

  it('reads Accept with quality values and falls back to JSON', () => {
    expect(format(undefined)).toBe('json');
    expect(format('text/csv')).toBe('csv');
    expect(format('application/vnd.sdmx.data+csv; version=2.0.0')).toBe('sdmx-csv');
    expect(format('application/json;q=0.5, text/csv;q=0.9')).toBe('csv');
    expect(format('text/html,*/*;q=0.8')).toBe('json');
    expect(format('text/csv;q=0')).toBe('json');
  });

  it('gives SDMX-CSV 1.0 when the Accept header asks for it, 2.0 otherwise, and refuses a version it does not offer (issue 8)', () => {
    expect(chooseFormat(undefined, 'application/vnd.sdmx.data+csv;version=1.0.0')).toEqual({ format: 'sdmx-csv', sdmxVersion: '1.0' });
    expect(chooseFormat(undefined, 'application/vnd.sdmx.data+csv; version="1.0"')).toEqual({ format: 'sdmx-csv', sdmxVersion: '1.0' });
    expect(chooseFormat(undefined, 'application/vnd.sdmx.data+csv')).toEqual({ format: 'sdmx-csv', sdmxVersion: '2.0' });
    expect(() => chooseFormat(undefined, 'application/vnd.sdmx.data+csv;version=3.0.0')).toThrow(
      /offered as version=1\.0\.0 and version=2\.0\.0/,
    );
    expect(chooseFormat(undefined, 'application/vnd.sdmx.data+csv;version=3.0.0, text/csv;q=0.5').format).toBe('csv');
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
    expect(sdmxToObservations(message, { breakdownColumns: ['SEX'] }).observations.map(({ at: _at, ...o }) => o)).toEqual([
      {
        indicator: 'mobile-ownership',
        area: 'KEN',
        year: 2018,
        value: 80.5,
        estimate: true,
        note: 'survey, 15+',
        breakdown: { SEX: 'female' },
        source: 'ITU, via "SDG" database',
        vintage: '2020-10-19',
      },
    ]);
  });

  it('writes SDMX-CSV 1.0 when asked: the DATAFLOW column and no ACTION', () => {
    const row = {
      observation: { indicator: 'internet-use', area: 'KEN', year: 2023, value: 35, estimate: false, note: null, breakdown: {} },
      source: 'S',
      vintage: '2026-03-01',
      licence: 'CC-BY-4.0',
    };
    const text = serialiseSdmxCsv(sdmxMessage([row], '1.0'), { lineEnding: '\n' });
    expect(text.split('\n')[0]).toBe('DATAFLOW,FREQ,INDICATOR,REF_AREA,TIME_PERIOD,OBS_VALUE,OBS_STATUS,SOURCE_DETAIL,VINTAGE,LICENCE');
    expect(text.split('\n')[1]).toBe('DCP:CONNECT(1.0),A,internet-use,KEN,2023,35,A,S,2026-03-01,CC-BY-4.0');
  });
});
