import { describe, expect, it } from 'vitest';
import { FormatError } from '../csv/format-error.js';
import { parseSdmxCsv } from './parse-sdmx-csv.js';

// Messages from the SDMX-CSV 2.0 field guide (sdmx-twg/sdmx-csv, docs/data_message_field_guide.md).
const ORDINARY = [
  'STRUCTURE,STRUCTURE_ID,ACTION,DIM_1,DIM_2,DIM_3,OBS_VALUE,ATTR_2,ATTR_3,ATTR_1,UPDATED',
  'dataflow,ESTAT:NA_MAIN(1.6.0),I,A,B,2014-01,12.4,Y,"Normal, special and other values",N,2021-01-22T13:15:41Z',
  'dataflow,ESTAT:NA_MAIN(1.6.0),I,A,B,2014-02,10.8,Y,"Normal, special and other values",Y,2021-01-22T13:15:41Z',
].join('\n');

const LOCALISED = [
  'STRUCTURE[|];STRUCTURE_ID;ACTION;SERIES_KEY;OBS_KEY;DIM_1: Dimension 1;DIM_2: Dimension 2;DIM_3: Dimension 3;OBS_VALUE: Observation value;ATTR_2: Attribut 2;ATTR_3: Attribut 3;ATTR_1: Attribut 1',
  'dataflow;ESTAT:NA_MAIN(1.6.0): Principaux agrégats des comptes nationaux;I;A.B;A.B.2014-01;A: Value A;B: Value B;2014-01: 2014-01;12,4;Y: Oui;Normal, special and other values;N: Non',
].join('\n');

const NAMES = [
  'STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION,DIM_1,Dimension 1,DIM_2,Dimension 2,OBS_VALUE,Observation value',
  'dataflow,ESTAT:NA_MAIN(1.6.0),National Accounts Main Aggregates,I,A,Value A,B,Value B,12.4,',
].join('\n');

const LISTS = [
  'STRUCTURE[;],STRUCTURE_ID,ACTION,DIM_1,OBS_VALUE,ATTR_1[],ATTR_2[en;fr]',
  'dataflow,ESTAT:NA_MAIN(1.6.0),I,A,12.4,X;Y,"en:Value ""X"";fr:Valeur ""X"""',
].join('\n');

// SDMX-CSV 1.0 as the UN SDG API serves it (columns abridged).
const VERSION_1 = [
  'DATAFLOW,FREQ,SERIES,REF_AREA,SEX,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,NATURE',
  'IAEG-SDGs:DF_SDG_GLH(1.18),A,IT_MOB_OWN,012,FEMALE,2018,83.0695,PT,C',
  'IAEG-SDGs:DF_SDG_GLH(1.18),A,IT_MOB_OWN,012,MALE,2018,92.62223,PT,C',
].join('\n');

function catchFormatError(run: () => unknown): FormatError {
  try {
    run();
  } catch (error) {
    if (error instanceof FormatError) return error;
    throw error;
  }
  throw new Error('expected a FormatError');
}

describe('parseSdmxCsv: layouts', () => {
  it('reads a 2.0 message: structure, action, components and a custom column', () => {
    const message = parseSdmxCsv(ORDINARY);
    expect(message.version).toBe('2.0');
    expect(message.delimiter).toBe(',');
    expect(message.subFieldSeparator).toBeNull();
    expect(message.labels).toBe('id');
    expect(message.hasActionColumn).toBe(true);
    expect(message.columns.map((c) => c.id)).toEqual(['DIM_1', 'DIM_2', 'DIM_3', 'OBS_VALUE', 'ATTR_2', 'ATTR_3', 'ATTR_1', 'UPDATED']);
    const [first] = message.rows;
    expect(first?.line).toBe(2);
    expect(first?.structure).toEqual({ type: 'dataflow', agency: 'ESTAT', id: 'NA_MAIN', version: '1.6.0' });
    expect(first?.action).toBe('I');
    expect(first?.values['ATTR_3']).toBe('Normal, special and other values');
    expect(first?.values['UPDATED']).toBe('2021-01-22T13:15:41Z');
  });

  it('reads a 1.0 message, whose rows are dataflows with action I', () => {
    const message = parseSdmxCsv(VERSION_1);
    expect(message.version).toBe('1.0');
    expect(message.hasActionColumn).toBe(false);
    expect(message.rows).toHaveLength(2);
    expect(message.rows[0]?.structure).toEqual({ type: 'dataflow', agency: 'IAEG-SDGs', id: 'DF_SDG_GLH', version: '1.18' });
    expect(message.rows[0]?.action).toBe('I');
    expect(message.rows[1]?.values).toMatchObject({ REF_AREA: '012', SEX: 'MALE', OBS_VALUE: '92.62223' });
  });

  it('detects the delimiter and sub-field separator from the first header, and splits "ID: Name" labels', () => {
    const message = parseSdmxCsv(LOCALISED);
    expect(message.delimiter).toBe(';');
    expect(message.subFieldSeparator).toBe('|');
    expect(message.labels).toBe('both');
    expect(message.columns[2]).toEqual({ id: 'DIM_1', label: 'Dimension 1', multiValued: false, languages: null });
    const row = message.rows[0]!;
    expect(row.structureName).toBe('Principaux agrégats des comptes nationaux');
    expect(row.values).toMatchObject({ SERIES_KEY: 'A.B', DIM_1: 'A', DIM_3: '2014-01', OBS_VALUE: '12,4', ATTR_1: 'N' });
    expect(row.labels).toMatchObject({ DIM_1: 'Value A', ATTR_2: 'Oui', ATTR_1: 'Non' });
    // A free-text value without an "ID: " prefix is kept whole.
    expect(row.values['ATTR_3']).toBe('Normal, special and other values');
  });

  it('reads labels=name messages, where each component is followed by its name column', () => {
    const message = parseSdmxCsv(NAMES);
    expect(message.labels).toBe('name');
    expect(message.columns.map((c) => c.id)).toEqual(['DIM_1', 'DIM_2', 'OBS_VALUE']);
    expect(message.columns[0]?.label).toBe('Dimension 1');
    const row = message.rows[0]!;
    expect(row.structureName).toBe('National Accounts Main Aggregates');
    expect(row.values).toEqual({ DIM_1: 'A', DIM_2: 'B', OBS_VALUE: '12.4' });
    expect(row.labels).toEqual({ DIM_1: 'Value A', DIM_2: 'Value B' });
  });

  it('marks multi-valued and multi-lingual columns and keeps their cells intact', () => {
    const message = parseSdmxCsv(LISTS);
    expect(message.subFieldSeparator).toBe(';');
    expect(message.columns.find((c) => c.id === 'ATTR_1')).toMatchObject({ multiValued: true, languages: null });
    expect(message.columns.find((c) => c.id === 'ATTR_2')).toMatchObject({ multiValued: false, languages: ['en', 'fr'] });
    expect(message.rows[0]?.values['ATTR_2']).toBe('en:Value "X";fr:Valeur "X"');
  });

  it('assumes action I when the ACTION column is absent and reads R and D when present', () => {
    const noAction = parseSdmxCsv('STRUCTURE,STRUCTURE_ID,DIM_1,OBS_VALUE\ndatastructure,AGENCY:DSD_ID,A,1\n');
    expect(noAction.hasActionColumn).toBe(false);
    expect(noAction.rows[0]?.action).toBe('I');
    expect(noAction.rows[0]?.structure).toEqual({ type: 'datastructure', agency: 'AGENCY', id: 'DSD_ID', version: null });
    const actions = parseSdmxCsv('STRUCTURE,STRUCTURE_ID,ACTION,DIM_1,OBS_VALUE\ndataflow,A:B(1.0),R,X,1\ndataprovision,A:C(1.0),D,X,-\n');
    expect(actions.rows.map((r) => [r.structure.type, r.action])).toEqual([
      ['dataflow', 'R'],
      ['dataprovision', 'D'],
    ]);
  });

  it('strips a byte-order mark, skips blank lines and numbers rows by the line they start on', () => {
    const text = '\uFEFFSTRUCTURE,STRUCTURE_ID,DIM_1,NOTE\r\ndataflow,A:B(1.0),X,"two\r\nlines"\r\n\r\ndataflow,A:B(1.0),Y,one\r\n';
    const message = parseSdmxCsv(text);
    expect(message.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(message.rows[0]?.values['NOTE']).toBe('two\r\nlines');
  });

  it('leaves empty cells out of the values', () => {
    const message = parseSdmxCsv('STRUCTURE,STRUCTURE_ID,ACTION,DIM_1,DIM_2,ATTR_1\ndataflow,A:B(1.0),I,,B,\n');
    expect(message.rows[0]?.values).toEqual({ DIM_2: 'B' });
  });
});

describe('parseSdmxCsv: errors say what is wrong and where', () => {
  it('refuses a file that is not SDMX-CSV', () => {
    const error = catchFormatError(() => parseSdmxCsv('iso3,year,value\nKEN,2023,40\n', 'upload.csv'));
    expect(error.message).toMatch(/^upload\.csv:1:1: not SDMX-CSV/);
  });

  it('refuses an unknown structure type with its line and column', () => {
    const error = catchFormatError(() => parseSdmxCsv('STRUCTURE,STRUCTURE_ID,DIM_1\ndataset,A:B(1.0),X\n'));
    expect(error.problem).toMatchObject({ line: 2, column: 1, field: 'STRUCTURE' });
    expect(error.message).toMatch(/expected dataflow, datastructure or dataprovision, found "dataset"/);
  });

  it('refuses a structure id that is not AGENCY:ID(VERSION)', () => {
    const error = catchFormatError(() => parseSdmxCsv('DATAFLOW,DIM_1\nNA_MAIN,X\n'));
    expect(error.problem).toMatchObject({ line: 2, column: 1, field: 'DATAFLOW' });
  });

  it('refuses an unknown action', () => {
    const error = catchFormatError(() => parseSdmxCsv('STRUCTURE,STRUCTURE_ID,ACTION,DIM_1\ndataflow,A:B(1.0),X,Y\n'));
    expect(error.problem).toMatchObject({ line: 2, column: 3, field: 'ACTION' });
  });

  it('refuses a row with the wrong number of fields', () => {
    const error = catchFormatError(() => parseSdmxCsv('STRUCTURE,STRUCTURE_ID,DIM_1\ndataflow,A:B(1.0),X,extra\n'));
    expect(error.problem).toMatchObject({ line: 2, message: 'expected 3 fields, found 4' });
  });

  it('refuses a 2.0 header without STRUCTURE_ID, a repeated column and languages without a separator', () => {
    expect(() => parseSdmxCsv('STRUCTURE,DIM_1\ndataflow,X\n')).toThrow(/expected STRUCTURE_ID/);
    expect(() => parseSdmxCsv('STRUCTURE,STRUCTURE_ID,DIM_1,DIM_1\ndataflow,A:B(1.0),X,Y\n')).toThrow(/appears twice/);
    expect(() => parseSdmxCsv('STRUCTURE,STRUCTURE_ID,ATTR[en;fr]\ndataflow,A:B(1.0),en:x\n')).toThrow(/no sub-field separator/);
  });

  it('refuses an unclosed quote', () => {
    expect(() => parseSdmxCsv('STRUCTURE,STRUCTURE_ID,DIM_1\ndataflow,A:B(1.0),"X\n')).toThrow(FormatError);
  });
});
