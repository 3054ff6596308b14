/**
 * One definition of "target met" for the whole platform, so the band on a profile, the on-track
 * flag and the years-to-target figure can never disagree.
 *
 * For at-least targets ITU shows a value at 95 % or more of the target as "target met" (a survey
 * share never reads exactly 100 %). We use the same line everywhere: met ⇔ score ≥ 95, where the
 * score is the value as a percentage of the target. The gap, by contrast, is always measured to
 * the full target value, so a country at 97 % internet use is "met" with a 3-point gap to 100 %.
 * At-most and between targets have no tolerance: met means inside the limit or the band.
 */
import type { AtLeastTarget, Target } from './types.js';

/** Score (0–100 scale of an at-least target) from which ITU shows "target met". */
export const TARGET_MET_SCORE = 95;

/** Where a value sits relative to its target. `gap` is in the indicator's own unit. */
export interface TargetStatus {
  readonly met: boolean;
  /** Distance to the full target (0 at or beyond it, or inside a band). Never negative. */
  readonly gap: number;
  /** `below` / `above` the target or band, or `within` when met exactly as stated. */
  readonly side: 'below' | 'within' | 'above';
}

function assertFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${what} must be a finite number, got ${value}`);
}

/**
 * The value as a percentage of an at-least target, the scale ITU's bands are drawn on.
 * Not clamped: 120 mobile subscriptions per 100 against a target of 100 scores 120.
 *
 * @example
 * targetScore(70, { kind: 'at-least', value: 100 }); // 70
 * targetScore(35, { kind: 'at-least', value: 70 });  // 50
 */
export function targetScore(value: number, target: AtLeastTarget): number {
  assertFinite(value, 'value');
  if (!(target.value > 0)) throw new RangeError(`an at-least target must be positive, got ${target.value}`);
  // Multiply first: 95 * 100 / 100 is exactly 95, while 95 / 100 * 100 is not.
  return (value * 100) / target.value;
}

/**
 * The threshold a rising (or falling) series has to cross to count as meeting the target.
 * For a band, the edge nearest the value; `null` when the value is already inside.
 *
 * @example
 * metThreshold(80, { kind: 'at-least', value: 100 }); // 95
 * metThreshold(0.9, { kind: 'between', lower: 0.98, upper: 1.02 }); // 0.98
 */
export function metThreshold(value: number, target: Target): number | null {
  switch (target.kind) {
    case 'at-least':
      return (target.value * TARGET_MET_SCORE) / 100;
    case 'at-most':
      return target.value;
    case 'between':
      if (value < target.lower) return target.lower;
      if (value > target.upper) return target.upper;
      return null;
  }
}

/**
 * Whether a value meets a target, and how far it is from it.
 *
 * @example
 * targetStatus(97, { kind: 'at-least', value: 100 });  // { met: true, gap: 3, side: 'below' }
 * targetStatus(3.1, { kind: 'at-most', value: 2 });    // { met: false, gap: 1.1…, side: 'above' }
 * targetStatus(0.9, { kind: 'between', lower: 0.98, upper: 1.02 }); // { met: false, gap: 0.08…, side: 'below' }
 */
export function targetStatus(value: number, target: Target): TargetStatus {
  assertFinite(value, 'value');
  switch (target.kind) {
    case 'at-least': {
      const met = targetScore(value, target) >= TARGET_MET_SCORE;
      const gap = Math.max(0, target.value - value);
      return { met, gap, side: gap > 0 ? 'below' : 'within' };
    }
    case 'at-most': {
      const gap = Math.max(0, value - target.value);
      return { met: gap === 0, gap, side: gap > 0 ? 'above' : 'within' };
    }
    case 'between': {
      if (value < target.lower) return { met: false, gap: target.lower - value, side: 'below' };
      if (value > target.upper) return { met: false, gap: value - target.upper, side: 'above' };
      return { met: true, gap: 0, side: 'within' };
    }
  }
}

/**
 * Shorthand for `targetStatus(value, target).met`.
 *
 * @example
 * meetsTarget(1.9, { kind: 'at-most', value: 2 }); // true
 */
export function meetsTarget(value: number, target: Target): boolean {
  return targetStatus(value, target).met;
}

/**
 * Points (in the indicator's unit) still to go to the full target; 0 when reached.
 *
 * @example
 * gapToTarget(62.5, { kind: 'at-least', value: 100 }); // 37.5
 */
export function gapToTarget(value: number, target: Target): number {
  return targetStatus(value, target).gap;
}
