import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../core/indicators/types.js';
import { FormatError } from '../csv/format-error.js';
import { observationsToSdmx, SDMX_SKIPPED, sdmxToObservations } from './observations.js';
import { parseSdmxCsv } from './parse-sdmx-csv.js';
import { serialiseSdmxCsv } from './serialise-sdmx-csv.js';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const dataDir = process.env['DCP_DATA_DIR'] ?? path.join(projectRoot, '..', 'shared', 'data');

const SDG = [
  'DATAFLOW,FREQ,SERIES,REF_AREA,SEX,TIME_PERIOD,OBS_VALUE,NATURE,COMMENT_OBS',
  'IAEG-SDGs:DF_SDG_GLH(1.18),A,IT_MOB_OWN,012,FEMALE,2018,83.0695,C,',
  'IAEG-SDGs:DF_SDG_GLH(1.18),A,IT_MOB_OWN,012,MALE,2018,92.62223,E,ITU estimate',
  'IAEG-SDGs:DF_SDG_GLH(1.18),A,IT_MOB_OWN,999,MALE,2018,50,C,',
  'IAEG-SDGs:DF_SDG_GLH(1.18),Q,IT_MOB_OWN,012,MALE,2018-Q1,90,C,',
  'IAEG-SDGs:DF_SDG_GLH(1.18),A,IT_MOB_OWN,012,MALE,2017,NaN,C,',
].join('\n');

const M49_TO_ISO3 = new Map([['012', 'DZA']]);

describe('sdmxToObservations', () => {
  it('maps rows to annual observations with breakdowns, estimates and notes', () => {
    const result = sdmxToObservations(parseSdmxCsv(SDG), {
      breakdownColumns: ['SEX'],
      mapArea: (code) => M49_TO_ISO3.get(code) ?? null,
    });
    expect(result.observations).toEqual([
      {
        indicator: 'IT_MOB_OWN',
        area: 'DZA',
        year: 2018,
        value: 83.0695,
        estimate: false,
        note: null,
        breakdown: { SEX: 'FEMALE' },
        at: { line: 2, column: 7, field: 'OBS_VALUE' },
      },
      {
        indicator: 'IT_MOB_OWN',
        area: 'DZA',
        year: 2018,
        value: 92.62223,
        estimate: true,
        note: 'ITU estimate',
        breakdown: { SEX: 'MALE' },
        at: { line: 3, column: 7, field: 'OBS_VALUE' },
      },
    ]);
    expect(result.skipped).toEqual({
      [SDMX_SKIPPED.missingValue]: 1,
      [SDMX_SKIPPED.notAnnual]: 1,
      [SDMX_SKIPPED.unmappedArea]: 1,
    });
  });

  it('uses SERIES as the indicator column when there is no INDICATOR column', () => {
    const { observations } = sdmxToObservations(parseSdmxCsv(SDG));
    expect(observations[0]?.indicator).toBe('IT_MOB_OWN');
    expect(observations[0]?.area).toBe('012');
  });

  it('returns deletions for the importer to apply and counts attribute-only rows, instead of reading them as observations', () => {
    const message = parseSdmxCsv(
      [
        'STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,TIME_PERIOD,OBS_VALUE,OBS_STATUS',
        'dataflow,DCP:CONNECT(1.0),D,internet-use,KEN,2023,-,',
        'dataflow,DCP:CONNECT(1.0),I,internet-use,KEN,,,E',
        'dataflow,DCP:CONNECT(1.0),R,internet-use,KEN,2023,40.8,E',
      ].join('\n'),
    );
    const result = sdmxToObservations(message);
    expect(result.skipped).toEqual({ [SDMX_SKIPPED.noValue]: 1 });
    expect(result.deletions).toEqual([
      { indicator: 'internet-use', area: 'KEN', year: 2023, breakdown: {}, at: { line: 2, column: 5, field: 'REF_AREA' } },
    ]);
    expect(result.observations).toEqual([
      {
        indicator: 'internet-use',
        area: 'KEN',
        year: 2023,
        value: 40.8,
        estimate: true,
        note: null,
        breakdown: {},
        at: { line: 4, column: 7, field: 'OBS_VALUE' },
      },
    ]);
  });

  it('reads decimal commas in semicolon-separated messages', () => {
    const message = parseSdmxCsv('STRUCTURE;STRUCTURE_ID;INDICATOR;REF_AREA;TIME_PERIOD;OBS_VALUE\ndataflow;A:B(1.0);x;FRA;2023;12,4\n');
    expect(sdmxToObservations(message).observations[0]?.value).toBe(12.4);
  });

  it('accepts SDMX 3.0 annual periods written 2023-A1', () => {
    const message = parseSdmxCsv('STRUCTURE,STRUCTURE_ID,INDICATOR,REF_AREA,TIME_PERIOD,OBS_VALUE\ndataflow,A:B(1.0),x,FRA,2023-A1,1\n');
    expect(sdmxToObservations(message).observations[0]?.year).toBe(2023);
  });

  it('refuses a value that is not a number, naming the line', () => {
    const message = parseSdmxCsv('DATAFLOW,INDICATOR,REF_AREA,TIME_PERIOD,OBS_VALUE\nA:B(1.0),x,FRA,2023,12.4\nA:B(1.0),x,FRA,2024,n/a\n');
    expect(() => sdmxToObservations(message, { file: 'upload.csv' })).toThrow('upload.csv:3:5 (OBS_VALUE): expected a number, found "n/a"');
  });

  it('refuses a message without the mapped columns', () => {
    const message = parseSdmxCsv('DATAFLOW,INDICATOR,TIME_PERIOD,OBS_VALUE\nA:B(1.0),x,2023,1\n');
    expect(() => sdmxToObservations(message)).toThrow(FormatError);
    expect(() => sdmxToObservations(message)).toThrow(/no REF_AREA column/);
  });

  it('refuses an observation without an area', () => {
    const message = parseSdmxCsv('DATAFLOW,INDICATOR,REF_AREA,TIME_PERIOD,OBS_VALUE\nA:B(1.0),x,,2023,1\n');
    expect(() => sdmxToObservations(message)).toThrow(/:2:3 \(REF_AREA\): an observation needs an area/);
  });
});

describe('sdmxToObservations on hostile input (issue 8)', () => {
  const HEADER = 'STRUCTURE,STRUCTURE_ID,ACTION,FREQ,INDICATOR,REF_AREA,TIME_PERIOD,OBS_VALUE';
  const read = (...rows: string[]) => sdmxToObservations(parseSdmxCsv([HEADER, ...rows].join('\n'), 'in.csv'), { file: 'in.csv' });

  it('refuses a value no double can hold (1e400 would be stored as Infinity), naming line, column and field', () => {
    expect(() => read('dataflow,A:B(1.0),I,A,internet-use,SEN,2023,1e400')).toThrow(
      'in.csv:2:8 (OBS_VALUE): "1e400" is not a finite number',
    );
    expect(() => read('dataflow,A:B(1.0),I,A,internet-use,SEN,2023,-1e999')).toThrow(/not a finite number/);
  });

  it('refuses a year outside 1900–2100 and a period that is not one, naming the TIME_PERIOD column', () => {
    expect(() => read('dataflow,A:B(1.0),I,A,internet-use,SEN,1850,12')).toThrow(
      'in.csv:2:7 (TIME_PERIOD): year 1850 is outside 1900–2100',
    );
    expect(() => read('dataflow,A:B(1.0),I,A,internet-use,SEN,twenty,12')).toThrow(
      /in\.csv:2:7 \(TIME_PERIOD\): expected a time period such as 2023 .*found "twenty"/,
    );
  });

  it('counts quarterly and monthly periods, a non-annual frequency, NaN and empty values by reason, and keeps the rest', () => {
    const result = read(
      'dataflow,A:B(1.0),I,A,internet-use,SEN,2023-Q1,12',
      'dataflow,A:B(1.0),I,A,internet-use,SEN,2023Q2,12',
      'dataflow,A:B(1.0),I,M,internet-use,SEN,2023-M01,12',
      'dataflow,A:B(1.0),I,M,internet-use,SEN,2023-01,12',
      'dataflow,A:B(1.0),I,Q,internet-use,SEN,2023,12',
      'dataflow,A:B(1.0),I,A,internet-use,SEN,2023,NaN',
      'dataflow,A:B(1.0),I,A,internet-use,SEN,2023,',
      'dataflow,A:B(1.0),I,A,internet-use,SEN,2022-A1,40.5',
    );
    expect(result.skipped).toEqual({ [SDMX_SKIPPED.notAnnual]: 5, [SDMX_SKIPPED.missingValue]: 1, [SDMX_SKIPPED.noValue]: 1 });
    expect(result.observations.map((o) => [o.year, o.value])).toEqual([[2022, 40.5]]);
  });

  it('refuses a wildcard deletion (ACTION D without the area) rather than deleting more than meant or nothing silently', () => {
    expect(() => read('dataflow,A:B(1.0),D,A,internet-use,,2023,')).toThrow(
      'in.csv:2:6 (REF_AREA): a deletion (ACTION D) must name its area; wildcard deletions are not supported',
    );
  });

  it('reads the provenance our own exports write per row (SOURCE_DETAIL, VINTAGE) and refuses a vintage that is not a date', () => {
    const header = `${HEADER},SOURCE_DETAIL,VINTAGE`;
    const readRow = (row: string) => sdmxToObservations(parseSdmxCsv(`${header}\n${row}`, 'x.csv'), { file: 'x.csv' });
    expect(readRow('dataflow,A:B(1.0),I,A,internet-use,SEN,2023,44.5,ITU via WDI,2026-03-01').observations[0]).toMatchObject({
      source: 'ITU via WDI',
      vintage: '2026-03-01',
    });
    expect(() => readRow('dataflow,A:B(1.0),I,A,internet-use,SEN,2023,44.5,ITU,2026-02-30')).toThrow(
      'x.csv:2:10 (VINTAGE): "2026-02-30" is not a calendar date',
    );
  });

  it('names the right column whatever the layout: 1.0, 2.0 with or without ACTION, labels=name', () => {
    const v1 = parseSdmxCsv('DATAFLOW,INDICATOR,REF_AREA,TIME_PERIOD,OBS_VALUE\nA:B(1.0),x,SEN,2023,zz\n');
    expect(() => sdmxToObservations(v1, { file: 'a' })).toThrow('a:2:5 (OBS_VALUE)');
    const named = parseSdmxCsv(
      'STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,INDICATOR,Indicator,REF_AREA,Area,TIME_PERIOD,Period,OBS_VALUE,Value\n' +
        'dataflow,A:B(1.0),Flow,x,,SEN,,2023,,zz,\n',
    );
    expect(() => sdmxToObservations(named, { file: 'b' })).toThrow('b:2:10 (OBS_VALUE)');
  });
});

describe('observationsToSdmx', () => {
  const structure = { type: 'dataflow', agency: 'DCP', id: 'CONNECT', version: '1.0' } as const;
  const sample: Observation[] = [
    { indicator: 'internet-use', area: 'KEN', year: 2023, value: 40.8, estimate: false, note: null, breakdown: {} },
    {
      indicator: 'mobile-ownership',
      area: 'DZA',
      year: 2018,
      value: 83.0695,
      estimate: true,
      note: 'survey, "15+"',
      breakdown: { SEX: 'female' },
    },
  ];

  it('writes computed numbers without floating-point noise (44.56399999999985 as 44.564)', () => {
    const noisy = [
      { ...sample[0]!, value: 44.56399999999985 },
      { ...sample[0]!, year: 2024, value: 1234.5666666666666 },
    ];
    const rows = observationsToSdmx(noisy, { structure }).rows.map((r) => r.values['OBS_VALUE']);
    expect(rows).toEqual(['44.564', '1234.56666667']);
  });

  it('writes FREQ, indicator, area, breakdowns, period, value, status and notes', () => {
    const text = serialiseSdmxCsv(observationsToSdmx(sample, { structure }), { lineEnding: '\n' });
    expect(text).toBe(
      [
        'STRUCTURE,STRUCTURE_ID,ACTION,FREQ,INDICATOR,REF_AREA,SEX,TIME_PERIOD,OBS_VALUE,OBS_STATUS,COMMENT_OBS',
        'dataflow,DCP:CONNECT(1.0),I,A,internet-use,KEN,,2023,40.8,A,',
        'dataflow,DCP:CONNECT(1.0),I,A,mobile-ownership,DZA,female,2018,83.0695,E,"survey, ""15+"""',
        '',
      ].join('\n'),
    );
  });

  it('refuses a breakdown that would overwrite a fixed column', () => {
    const bad: Observation[] = [{ ...sample[0]!, breakdown: { TIME_PERIOD: 'x' } }];
    expect(() => observationsToSdmx(bad, { structure })).toThrow(/would overwrite/);
  });

  describe('with real SDG 5.b.1 data (mobile-phone ownership by sex, shared/data)', () => {
    const rows = parse(readFileSync(path.join(dataDir, 'sdg_ict_indicators_2020_snapshot.csv'), 'utf8'), {
      columns: true,
    }) as Record<string, string>[];
    const observations: Observation[] = rows
      .filter((row) => row['series_code'] === 'IT_MOB_OWN' && row['iso3'] !== '')
      .map((row) => ({
        indicator: 'IT_MOB_OWN',
        area: row['iso3'] ?? '',
        year: Number(row['year']),
        value: Number(row['value']),
        estimate: false,
        note: null,
        breakdown: { SEX: row['sex'] ?? '' },
      }));

    it.each(['1.0', '2.0'] as const)('round-trips every observation through SDMX-CSV %s unchanged', (version) => {
      expect(observations.length).toBeGreaterThan(500);
      const text = serialiseSdmxCsv(observationsToSdmx(observations, { structure, version }));
      const back = sdmxToObservations(parseSdmxCsv(text), { breakdownColumns: ['SEX'] });
      expect(back.observations.map(({ at: _at, ...o }) => o)).toEqual(observations);
      expect(back.skipped).toEqual({});
      expect(back.deletions).toEqual([]);
    });
  });
});
