import { describe, expect, it } from 'vitest';
import { areaResolver } from './areas.js';

const areas = areaResolver(
  [
    { m49: '404', iso2: 'KE', iso3: 'KEN' },
    { m49: '004', iso2: 'AF', iso3: 'AFG' },
    { m49: '516', iso2: 'NA', iso3: 'NAM' },
  ],
  ['WLD', '002', '019', '142', 'LDC', 'LLDC', 'SIDS', 'HIC'],
);

describe('areaResolver', () => {
  it('reads a country from ISO2, ISO3 or M49 in any case, M49 padded or not (issue 8: ken and KE were skipped)', () => {
    for (const code of ['KEN', 'ken', 'Ken', 'KE', 'ke', '404', ' KEN '])
      expect(areas.resolve(code), code).toEqual({ kind: 'country', m49: '404' });
    for (const code of ['004', '04', '4', 'AF', 'afg']) expect(areas.resolve(code), code).toEqual({ kind: 'country', m49: '004' });
    expect(areas.resolve('NA')).toEqual({ kind: 'country', m49: '516' }); // Namibia's ISO2 code is not "no value"
  });

  it('reads padded and unpadded M49 region codes alike (issue 8: 002, 019, 009 skipped while 142 was accepted)', () => {
    for (const code of ['002', '2', '02']) expect(areas.resolve(code), code).toEqual({ kind: 'group', code: '002' });
    expect(areas.resolve('19')).toEqual({ kind: 'group', code: '019' });
    expect(areas.resolve('142')).toEqual({ kind: 'group', code: '142' });
  });

  it("maps the M49 codes of the world and the UN development groups to the platform's group codes", () => {
    expect(areas.resolve('1')).toEqual({ kind: 'group', code: 'WLD' });
    expect(areas.resolve('001')).toEqual({ kind: 'group', code: 'WLD' });
    expect(areas.resolve('199')).toEqual({ kind: 'group', code: 'LDC' });
    expect(areas.resolve('432')).toEqual({ kind: 'group', code: 'LLDC' });
    expect(areas.resolve('722')).toEqual({ kind: 'group', code: 'SIDS' });
    expect(areas.resolve('wld')).toEqual({ kind: 'group', code: 'WLD' });
    expect(areas.resolve('hic')).toEqual({ kind: 'group', code: 'HIC' });
  });

  it('knows nothing else: another source aggregate, Kosovo, nonsense', () => {
    for (const code of ['EAS', 'XKX', '999', 'K', 'KENYA', '']) expect(areas.resolve(code), code).toBeNull();
    expect(areas.iso3Of('404')).toBe('KEN');
  });
});
