/**
 * ITU's four progress bands for at-least targets, and a plain met / not-met status for targets
 * that a 0–100 scale does not fit (a price ceiling, a parity band). Profiles and briefs show one
 * or the other, never both, so `assessAgainstTarget` decides which applies.
 */
import { TARGET_MET_SCORE, targetScore, targetStatus, type TargetStatus } from './target.js';
import type { Target } from './types.js';

export type Band = 'limited' | 'satisfactory' | 'advanced' | 'target-met';

/** Lower edges of each band on the 0–100 target scale; an edge belongs to the band above it. */
export const BAND_EDGES = { satisfactory: 50, advanced: 75, targetMet: TARGET_MET_SCORE } as const;

/**
 * ITU band for a score on the 0–100 target scale: < 50 limited, 50–75 satisfactory,
 * 75–95 advanced, ≥ 95 target met. Scores above 100 (e.g. 120 subscriptions per 100) are
 * target met; negative scores are limited.
 *
 * @example
 * bandForScore(49.9); // 'limited'
 * bandForScore(50);   // 'satisfactory'
 * bandForScore(95);   // 'target-met'
 */
export function bandForScore(score: number): Band {
  if (Number.isNaN(score)) throw new RangeError('score must be a number, got NaN');
  if (score >= BAND_EDGES.targetMet) return 'target-met';
  if (score >= BAND_EDGES.advanced) return 'advanced';
  if (score >= BAND_EDGES.satisfactory) return 'satisfactory';
  return 'limited';
}

/** A value judged against its target: banded for at-least targets, a status otherwise. */
export type TargetAssessment =
  | { readonly kind: 'band'; readonly score: number; readonly band: Band; readonly status: TargetStatus }
  | { readonly kind: 'status'; readonly status: TargetStatus };

/**
 * Judge a value against its 2030 target the way a profile shows it.
 *
 * @example
 * assessAgainstTarget(80, { kind: 'at-least', value: 100 });
 * // { kind: 'band', score: 80, band: 'advanced', status: { met: false, gap: 20, side: 'below' } }
 * assessAgainstTarget(1.5, { kind: 'at-most', value: 2 });
 * // { kind: 'status', status: { met: true, gap: 0, side: 'within' } }
 */
export function assessAgainstTarget(value: number, target: Target): TargetAssessment {
  const status = targetStatus(value, target);
  if (target.kind !== 'at-least') return { kind: 'status', status };
  const score = targetScore(value, target);
  return { kind: 'band', score, band: bandForScore(score), status };
}
