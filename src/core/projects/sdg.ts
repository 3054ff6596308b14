/**
 * SDG codes as IATI writes them: goals `1`–`17`, targets `4.4` or `4.a`, indicators `4.4.1` or
 * `4.a.1` (the UN global indicator list numbering). Matching reads goals; the finer levels stay
 * for display and export.
 */
import type { Project, SdgLevel, SdgLink } from './types.js';

const LEVEL_PATTERN: Record<SdgLevel, RegExp> = {
  goal: /^(\d{1,2})$/,
  target: /^(\d{1,2})\.(\d{1,2}|[a-z])$/,
  indicator: /^(\d{1,2})\.(\d{1,2}|[a-z])\.(\d{1,2})$/,
};

const LEVEL_ORDER: Record<SdgLevel, number> = { goal: 0, target: 1, indicator: 2 };

/**
 * The goal (1–17) a code of that level belongs to, or `null` when the code is not of that form.
 * @example sdgGoalOf('target', '4.a') // 4
 * @example sdgGoalOf('goal', '18') // null
 */
export function sdgGoalOf(level: SdgLevel, code: string): number | null {
  const match = LEVEL_PATTERN[level].exec(code);
  if (match === null) return null;
  const goal = Number(match[1]);
  if (goal < 1 || goal > 17 || match[1]?.startsWith('0')) return null;
  if (match.slice(2).some((part) => part !== undefined && /^0\d/.test(part))) return null;
  return goal;
}

/** The goals a project contributes to, by any level of link, ascending and without repeats. */
export function sdgGoalsOf(project: Pick<Project, 'sdgs'>): number[] {
  const goals = new Set<number>();
  for (const link of project.sdgs) {
    const goal = sdgGoalOf(link.level, link.code);
    if (goal !== null) goals.add(goal);
  }
  return [...goals].toSorted((a, b) => a - b);
}

/** Compares code parts numerically where both are numbers (`4.10` after `4.9`), letters after numbers. */
function compareCodes(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    if (x === y) continue;
    const nx = /^\d+$/.test(x) ? Number(x) : Number.NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : Number.NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    if (!Number.isNaN(nx)) return -1;
    if (!Number.isNaN(ny)) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * The canonical order of a project's SDG links: goals, targets, indicators; by code; sector-borne
 * before tag-borne. The importer stores links in this order, so equal sets compare equal.
 */
export function sortSdgLinks(links: readonly SdgLink[]): SdgLink[] {
  return links.toSorted(
    (a, b) =>
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || compareCodes(a.code, b.code) || (a.via === b.via ? 0 : a.via === 'sector' ? -1 : 1),
  );
}
