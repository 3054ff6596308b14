import { describe, expect, it } from 'vitest';
import { assessAgainstTarget, bandForScore } from './bands.js';

describe('bandForScore', () => {
  it.each([
    [0, 'limited'],
    [49.999, 'limited'],
    [50, 'satisfactory'],
    [74.999, 'satisfactory'],
    [75, 'advanced'],
    [94.999, 'advanced'],
    [95, 'target-met'],
    [100, 'target-met'],
    [127.4, 'target-met'],
    [-3, 'limited'],
  ] as const)('puts %d in band %s', (score, band) => {
    expect(bandForScore(score)).toBe(band);
  });

  it('refuses NaN rather than calling it limited', () => {
    expect(() => bandForScore(Number.NaN)).toThrow(RangeError);
  });
});

describe('assessAgainstTarget', () => {
  it('bands an at-least target on the value as a percentage of the target', () => {
    expect(assessAgainstTarget(52.5, { kind: 'at-least', value: 70 })).toEqual({
      kind: 'band',
      score: 75,
      band: 'advanced',
      status: { met: false, gap: 17.5, side: 'below' },
    });
  });

  it('gives the affordability ceiling a met / not-met status instead of a band', () => {
    expect(assessAgainstTarget(1.5, { kind: 'at-most', value: 2 })).toEqual({
      kind: 'status',
      status: { met: true, gap: 0, side: 'within' },
    });
    const over = assessAgainstTarget(3.25, { kind: 'at-most', value: 2 });
    expect(over).toEqual({ kind: 'status', status: { met: false, gap: 1.25, side: 'above' } });
  });

  it('gives gender parity a status with the distance to the nearest edge of the band', () => {
    const parity = { kind: 'between', lower: 0.98, upper: 1.02 } as const;
    const below = assessAgainstTarget(0.9, parity);
    expect(below.kind).toBe('status');
    expect(below.status.met).toBe(false);
    expect(below.status.side).toBe('below');
    expect(below.status.gap).toBeCloseTo(0.08, 12);
    expect(assessAgainstTarget(1.05, parity).status.side).toBe('above');
    expect(assessAgainstTarget(1.02, parity).status).toEqual({ met: true, gap: 0, side: 'within' });
  });
});
