import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NEED_STATUSES,
  NEED_TRANSITIONS,
  OFFERING_STATUSES,
  OFFERING_TRANSITIONS,
  nextStatus,
  transitionOf,
  transitionsFrom,
  type OfferingStatus,
} from './workflow.js';

describe('offering review workflow', () => {
  it('takes a draft through review to publication and archive, and back to draft by reopening', () => {
    let status: OfferingStatus = 'draft';
    const path: string[] = [status];
    for (const transition of ['submit', 'publish', 'archive', 'reopen']) {
      status = nextStatus(OFFERING_TRANSITIONS, status, transition)!;
      path.push(status);
    }
    expect(path).toEqual(['draft', 'in-review', 'published', 'archived', 'draft']);
  });

  it('offers from each status exactly the transitions that apply', () => {
    expect(Object.fromEntries(OFFERING_STATUSES.map((s) => [s, transitionsFrom(OFFERING_TRANSITIONS, s)]))).toEqual({
      draft: ['submit', 'archive'],
      'in-review': ['withdraw', 'publish', 'return', 'archive'],
      published: ['archive'],
      archived: ['reopen'],
    });
  });

  it('cannot publish without review, nor publish twice', () => {
    expect(nextStatus(OFFERING_TRANSITIONS, 'draft', 'publish')).toBeUndefined();
    expect(nextStatus(OFFERING_TRANSITIONS, 'published', 'publish')).toBeUndefined();
  });

  it('lets only coordinators publish and return, and asks a reason to return and to archive', () => {
    expect(OFFERING_TRANSITIONS.publish.by).toEqual(['coordinator']);
    expect(OFFERING_TRANSITIONS.return.by).toEqual(['coordinator']);
    expect(
      Object.entries(OFFERING_TRANSITIONS)
        .filter(([, t]) => t.reasonRequired)
        .map(([name]) => name),
    ).toEqual(['return', 'archive']);
  });

  it('knows no transition by an inherited property name', () => {
    expect(transitionOf(OFFERING_TRANSITIONS, 'toString')).toBeUndefined();
    expect(nextStatus(OFFERING_TRANSITIONS, 'draft', '__proto__')).toBeUndefined();
  });

  it('stays within its statuses whatever sequence of transitions is tried', () => {
    const names = Object.keys(OFFERING_TRANSITIONS);
    const run = fc.check(
      fc.property(fc.array(fc.constantFrom(...names, 'teleport'), { maxLength: 30 }), (sequence) => {
        let status: OfferingStatus = 'draft';
        for (const name of sequence) status = nextStatus(OFFERING_TRANSITIONS, status, name) ?? status;
        return OFFERING_STATUSES.includes(status);
      }),
    );
    expect(run.failed).toBe(false);
  });

  it('can reach publication from any status', () => {
    for (const start of OFFERING_STATUSES) {
      const seen = new Set<OfferingStatus>([start]);
      let frontier = [start];
      while (frontier.length > 0) {
        frontier = frontier
          .flatMap((s) => transitionsFrom(OFFERING_TRANSITIONS, s).map((t) => nextStatus(OFFERING_TRANSITIONS, s, t)!))
          .filter((s) => !seen.has(s));
        frontier.forEach((s) => seen.add(s));
      }
      expect(seen.has('published'), `from ${start}`).toBe(true);
    }
  });
});

describe('need life cycle', () => {
  it('goes open → matched → in delivery → fulfilled, and fulfilled is final', () => {
    const path = ['match', 'start-delivery', 'fulfil'].reduce<string[]>(
      (acc, t) => [...acc, nextStatus(NEED_TRANSITIONS, acc.at(-1) as never, t)!],
      ['open'],
    );
    expect(path).toEqual(['open', 'matched', 'in-delivery', 'fulfilled']);
    expect(transitionsFrom(NEED_TRANSITIONS, 'fulfilled')).toEqual([]);
  });

  it('closes unmet from any unfinished status, with a reason, and reopens', () => {
    for (const status of ['open', 'matched', 'in-delivery'] as const)
      expect(nextStatus(NEED_TRANSITIONS, status, 'close-unmet')).toBe('closed-unmet');
    expect(NEED_TRANSITIONS['close-unmet'].reasonRequired).toBe(true);
    expect(nextStatus(NEED_TRANSITIONS, 'closed-unmet', 'reopen')).toBe('open');
  });

  it('defines every transition between its own statuses', () => {
    for (const t of Object.values(NEED_TRANSITIONS)) {
      expect(NEED_STATUSES).toContain(t.to);
      for (const from of t.from) expect(NEED_STATUSES).toContain(from);
    }
  });
});
