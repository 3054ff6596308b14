import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isFinished,
  MATCH_SIDES,
  MATCH_STATUSES,
  MATCH_TRANSITION_NAMES,
  MATCH_TRANSITIONS,
  matchTransitionsFor,
  needStepAfter,
  nextMatchStatus,
  sideSees,
  type NeedProgress,
  type MatchStatus,
} from './workflow.js';

const status = fc.constantFrom(...MATCH_STATUSES);
const transition = fc.constantFrom(...MATCH_TRANSITION_NAMES);

/** Walks the machine from a start with the given choices; returns every status visited. */
function walk(start: MatchStatus, choices: readonly number[]): MatchStatus[] {
  const visited = [start];
  let current = start;
  for (const choice of choices) {
    const options = MATCH_TRANSITION_NAMES.filter((name) => nextMatchStatus(current, name) !== undefined);
    if (options.length === 0) break;
    current = nextMatchStatus(current, options[choice % options.length]!)!;
    visited.push(current);
  }
  return visited;
}

describe('the match life cycle', () => {
  it('runs shortlist → request → accept → delivery → delivered', () => {
    const path = ['request', 'accept', 'start-delivery', 'deliver'];
    const end = path.reduce<MatchStatus | undefined>((s, t) => (s ? nextMatchStatus(s, t) : undefined), 'shortlisted');
    expect(end).toBe('delivered');
  });

  it('lets a proposal be accepted by the requester only, and a request by the provider only', () => {
    expect(matchTransitionsFor('proposed', 'requester')).toEqual(['accept-proposal', 'decline-proposal', 'close']);
    expect(matchTransitionsFor('proposed', 'provider')).toEqual(['close']);
    expect(matchTransitionsFor('requested', 'provider')).toEqual(['accept', 'decline', 'close']);
    expect(matchTransitionsFor('requested', 'requester')).toEqual(['close']);
  });

  it('requires a reason to decline or close, not to accept', () => {
    expect(MATCH_TRANSITIONS.decline.reasonRequired).toBe(true);
    expect(MATCH_TRANSITIONS['decline-proposal'].reasonRequired).toBe(true);
    expect(MATCH_TRANSITIONS.close.reasonRequired).toBe(true);
    expect(MATCH_TRANSITIONS.accept.reasonRequired).toBe(false);
  });

  it('keeps a shortlist from the provider', () => {
    expect(sideSees('shortlisted', 'provider')).toBe(false);
    expect(sideSees('shortlisted', 'requester')).toBe(true);
    expect(sideSees('requested', 'provider')).toBe(true);
  });

  it('ends in declined, delivered or closed and nowhere else', () => {
    expect(MATCH_STATUSES.filter(isFinished)).toEqual(['declined', 'delivered', 'closed']);
  });

  it('never leads a transition from a status it does not list (property)', () => {
    fc.assert(
      fc.property(status, transition, (s, t) => {
        const next = nextMatchStatus(s, t);
        const applies = (MATCH_TRANSITIONS[t].from as readonly MatchStatus[]).includes(s);
        expect(next).toBe(applies ? MATCH_TRANSITIONS[t].to : undefined);
      }),
    );
  });

  it('offers each side only the transitions it may take, and some side every applicable one (property)', () => {
    fc.assert(
      fc.property(status, (s) => {
        const bySide = MATCH_SIDES.flatMap((side) => matchTransitionsFor(s, side));
        const applicable = MATCH_TRANSITION_NAMES.filter((t) => nextMatchStatus(s, t) !== undefined);
        expect(new Set(bySide)).toEqual(new Set(applicable));
      }),
    );
  });

  it('never returns to the start and always finishes within six steps (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom<MatchStatus>('shortlisted', 'proposed'), fc.array(fc.nat(), { maxLength: 12 }), (start, choices) => {
        const visited = walk(start, choices);
        expect(visited.slice(1)).not.toContain('shortlisted');
        expect(visited.slice(1)).not.toContain('proposed');
        expect(new Set(visited).size).toBe(visited.length);
        expect(walk(start, [...choices, 0, 0, 0, 0, 0, 0]).length).toBeLessThanOrEqual(6);
      }),
    );
  });

  it('refuses a name the machine does not know, even one of Object’s own', () => {
    expect(nextMatchStatus('requested', 'toString')).toBeUndefined();
    expect(nextMatchStatus('requested', 'publish')).toBeUndefined();
  });

  it('moves a need only forward along its matches, never out of fulfilled or closed unmet (property)', () => {
    const order: Record<NeedProgress, number> = { open: 0, matched: 1, 'in-delivery': 2, fulfilled: 3, 'closed-unmet': 4 };
    const need = fc.constantFrom<NeedProgress>('open', 'matched', 'in-delivery', 'fulfilled', 'closed-unmet');
    fc.assert(
      fc.property(need, status, fc.boolean(), fc.nat(3), status, (from, to, needMet, otherHolding, before) => {
        const step = needStepAfter(from, to, { needMet, otherHolding, from: before });
        const finished = from === 'fulfilled' || from === 'closed-unmet';
        expect(!finished || step === undefined).toBe(true);
        expect(!step || step.transition === 'unmatch' || order[step.to] > order[from]).toBe(true);
        const back = [from, to, before, otherHolding].join();
        expect(step?.transition !== 'unmatch' || back === 'matched,closed,accepted,0').toBe(true);
        expect(step?.to !== 'fulfilled' || (needMet && to === 'delivered')).toBe(true);
      }),
    );
    expect(needStepAfter('open', 'accepted', { needMet: false, otherHolding: 0 })).toEqual({ transition: 'match', to: 'matched' });
    expect(needStepAfter('matched', 'in-delivery', { needMet: false, otherHolding: 0 })?.to).toBe('in-delivery');
    expect(needStepAfter('in-delivery', 'delivered', { needMet: false, otherHolding: 0 })).toBeUndefined();
    expect(needStepAfter('matched', 'closed', { needMet: false, otherHolding: 1, from: 'accepted' })).toBeUndefined();
  });
});
