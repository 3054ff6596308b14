import { describe, expect, it } from 'vitest';
import { gapToTarget, meetsTarget, metThreshold, targetScore, targetStatus } from './target.js';

const internet = { kind: 'at-least', value: 100 } as const;
const affordability = { kind: 'at-most', value: 2 } as const;
const parity = { kind: 'between', lower: 0.98, upper: 1.02 } as const;

describe('targetScore', () => {
  it('is the value as a percentage of the target, exact at the band edges', () => {
    expect(targetScore(95, internet)).toBe(95);
    expect(targetScore(66.5, { kind: 'at-least', value: 70 })).toBe(95);
  });

  it('refuses a target that is not positive', () => {
    expect(() => targetScore(10, { kind: 'at-least', value: 0 })).toThrow(RangeError);
  });
});

describe('targetStatus', () => {
  it('counts 95 % of an at-least target as met, as ITU shows it, but keeps the gap to the full target', () => {
    expect(targetStatus(97, internet)).toEqual({ met: true, gap: 3, side: 'below' });
    expect(targetStatus(94.9, internet).met).toBe(false);
    expect(targetStatus(100, internet)).toEqual({ met: true, gap: 0, side: 'within' });
  });

  it('meets an at-most target at or under the limit, with no tolerance', () => {
    expect(meetsTarget(2, affordability)).toBe(true);
    expect(meetsTarget(2.01, affordability)).toBe(false);
    expect(gapToTarget(2.5, affordability)).toBeCloseTo(0.5, 12);
  });

  it('meets a between target only inside the closed band', () => {
    expect(meetsTarget(0.98, parity)).toBe(true);
    expect(meetsTarget(0.979, parity)).toBe(false);
    expect(meetsTarget(1.021, parity)).toBe(false);
  });

  it('refuses a non-finite value', () => {
    expect(() => targetStatus(Number.POSITIVE_INFINITY, internet)).toThrow(RangeError);
  });
});

describe('metThreshold', () => {
  it('is 95 % of an at-least target, the limit of an at-most target and the nearer band edge', () => {
    expect(metThreshold(10, internet)).toBe(95);
    expect(metThreshold(5, affordability)).toBe(2);
    expect(metThreshold(0.5, parity)).toBe(0.98);
    expect(metThreshold(1.5, parity)).toBe(1.02);
    expect(metThreshold(1, parity)).toBeNull();
  });
});
