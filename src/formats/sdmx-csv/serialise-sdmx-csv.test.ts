import { describe, expect, it } from 'vitest';
import { csvField } from './csv-fields.js';
import { parseSdmxCsv } from './parse-sdmx-csv.js';
import { serialiseSdmxCsv } from './serialise-sdmx-csv.js';
import type { SdmxCsvMessage } from './types.js';

// Each is already in canonical form (ACTION present where 2.0, quotes only where needed), so
// parse → serialise must give the same bytes back.
const CANONICAL: Record<string, string> = {
  'a 2.0 message with a quoted cell and a custom column': [
    'STRUCTURE,STRUCTURE_ID,ACTION,DIM_1,DIM_2,DIM_3,OBS_VALUE,ATTR_2,ATTR_3,ATTR_1,UPDATED',
    'dataflow,ESTAT:NA_MAIN(1.6.0),I,A,B,2014-01,12.4,Y,"Normal, special and other values",N,2021-01-22T13:15:41Z',
  ].join('\n'),
  'a 1.0 message': [
    'DATAFLOW,FREQ,SERIES,REF_AREA,SEX,TIME_PERIOD,OBS_VALUE',
    'IAEG-SDGs:DF_SDG_GLH(1.18),A,IT_MOB_OWN,012,FEMALE,2018,83.0695',
  ].join('\n'),
  'a 1.0 message with labels': [
    'DATAFLOW,FREQ: Frequency,REF_AREA: Reference area,TIME_PERIOD,OBS_VALUE',
    'WB:WDI(1.0): World Development Indicators,A: Annual,KEN: Kenya,2023,40.8',
  ].join('\n'),
  'a semicolon message with labels, keys and a sub-field separator': [
    'STRUCTURE[|];STRUCTURE_ID;ACTION;SERIES_KEY;DIM_1: Dimension 1;OBS_VALUE: Observation value;ATTR_3: Attribut 3',
    'dataflow;ESTAT:NA_MAIN(1.6.0): Principaux agrégats;I;A.B;A: Value A;12,4;Normal, special and other values',
  ].join('\n'),
  'a labels=name message': [
    'STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION,DIM_1,Dimension 1,OBS_VALUE,Observation value',
    'dataflow,ESTAT:NA_MAIN(1.6.0),National Accounts Main Aggregates,I,A,Value A,12.4,',
  ].join('\n'),
  'multi-valued and multi-lingual columns': [
    'STRUCTURE[;],STRUCTURE_ID,ACTION,DIM_1,OBS_VALUE,ATTR_1[],ATTR_2[en;fr]',
    'dataflow,ESTAT:NA_MAIN(1.6.0),I,A,12.4,X;Y,"en:Value ""X"";fr:Valeur ""X"""',
  ].join('\n'),
  'coded lists with labels': [
    'STRUCTURE[;],STRUCTURE_ID,ACTION,DIM_1,ATTR_1[]: Attribute 1',
    'dataflow,ESTAT:NA_MAIN(1.6.0),I,A,A: Value A;B: Value B',
  ].join('\n'),
  'varying structures and actions, a delete row with a wildcard': [
    'STRUCTURE,STRUCTURE_ID,ACTION,DIM_1,DIM_2,OBS_VALUE',
    'dataflow,ESTAT:DF_NA_MAIN(1.6.0),A,A,B,12.4',
    'datastructure,ESTAT:DSD_NA_MAIN,R,A,C,10.8',
    'dataprovision,ESTAT:DPA_NA_MAIN(1.8.0),D,,B,-',
  ].join('\n'),
  'a cell with a line break': [
    'STRUCTURE,STRUCTURE_ID,ACTION,DIM_1,ATTR_1',
    'dataflow,ESTAT:NA_MAIN(1.6.0),I,A,"<p>This is some ""xhtml"" with a line\nbreak</p>"',
  ].join('\n'),
};

describe('serialiseSdmxCsv', () => {
  it.each(Object.entries(CANONICAL))('gives back %s byte for byte', (_, text) => {
    expect(serialiseSdmxCsv(parseSdmxCsv(text), { lineEnding: '\n' })).toBe(`${text}\n`);
  });

  it('writes CRLF line ends by default, as RFC 4180 asks', () => {
    const text = serialiseSdmxCsv(parseSdmxCsv('DATAFLOW,DIM_1\nA:B(1.0),X\n'));
    expect(text).toBe('DATAFLOW,DIM_1\r\nA:B(1.0),X\r\n');
  });

  it('writes a message that had no ACTION column without one, every row staying action I', () => {
    const message = parseSdmxCsv('STRUCTURE,STRUCTURE_ID,DIM_1\ndataflow,A:B(1.0),X\n');
    const text = serialiseSdmxCsv(message, { lineEnding: '\n' });
    expect(text).toBe('STRUCTURE,STRUCTURE_ID,DIM_1\ndataflow,A:B(1.0),X\n');
    const again = parseSdmxCsv(text);
    expect(again.rows[0]?.action).toBe('I');
  });

  it('refuses what SDMX-CSV 1.0 cannot express', () => {
    const v2 = parseSdmxCsv('STRUCTURE,STRUCTURE_ID,ACTION,DIM_1\ndataflow,A:B(1.0),R,X\n');
    const asV1: SdmxCsvMessage = { ...v2, version: '1.0' };
    expect(() => serialiseSdmxCsv(asV1)).toThrow(/1\.0 has no ACTION column; row 2 has action R/);
    const provision = parseSdmxCsv('STRUCTURE,STRUCTURE_ID,DIM_1\ndataprovision,A:B(1.0),X\n');
    expect(() => serialiseSdmxCsv({ ...provision, version: '1.0' })).toThrow(/only reference dataflows/);
  });

  it('refuses list columns without a sub-field separator', () => {
    const lists = parseSdmxCsv('STRUCTURE[;],STRUCTURE_ID,ATTR_1[]\ndataflow,A:B(1.0),X;Y\n');
    expect(() => serialiseSdmxCsv({ ...lists, subFieldSeparator: null })).toThrow(/need SDMX-CSV 2\.0 with a sub-field separator/);
  });
});

describe('csvField', () => {
  it('quotes only fields holding the delimiter, a quote or a line break', () => {
    expect(csvField('plain text', ',')).toBe('plain text');
    expect(csvField(' padded ', ',')).toBe(' padded ');
    expect(csvField('a,b', ',')).toBe('"a,b"');
    expect(csvField('a,b', ';')).toBe('a,b');
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('say "hi"', ',')).toBe('"say ""hi"""');
    expect(csvField('x\ny', ',')).toBe('"x\ny"');
  });
});
