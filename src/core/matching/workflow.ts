/**
 * The life cycle of one match between a need and an offering, as a pure state
 * machine (the same shape as the clearinghouse's, src/core/capacity/workflow.ts).
 *
 * A match has two sides: the requester (the need's organisation) and the
 * provider (the offering's). The requester shortlists offerings privately and
 * sends a request; the provider accepts or declines it with a reason. From the
 * other end, a provider proposes its offering for a need, and the requester
 * accepts or declines the proposal. An accepted match goes into delivery and is
 * delivered with the number of people trained; then each side rates the other
 * once (1–5). Either side may close a match that has not been delivered, with a
 * reason.
 *
 *   shortlisted ──request──▶ requested ──accept──▶ accepted ──start-delivery──▶ in-delivery ──deliver──▶ delivered
 *                               └──decline──▶ declined     ▲
 *   proposed ──accept-proposal───────────────────────────────┘   (decline-proposal ▶ declined)
 *   shortlisted, proposed, requested, accepted, in-delivery ──close──▶ closed
 *
 * Who may take a transition is named by side; the policy (src/core/policy/policy.ts)
 * reads this table and decides which sides an actor speaks for. A shortlist is
 * the requester's own note: the provider does not see it until it is requested.
 */

export const MATCH_STATUSES = [
  'shortlisted',
  'proposed',
  'requested',
  'accepted',
  'declined',
  'in-delivery',
  'delivered',
  'closed',
] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

export const MATCH_SIDES = ['requester', 'provider'] as const;
export type MatchSide = (typeof MATCH_SIDES)[number];

export interface MatchTransitionRule {
  readonly from: readonly MatchStatus[];
  readonly to: MatchStatus;
  readonly by: readonly MatchSide[];
  readonly reasonRequired: boolean;
}

export const MATCH_TRANSITIONS = {
  request: { from: ['shortlisted'], to: 'requested', by: ['requester'], reasonRequired: false },
  accept: { from: ['requested'], to: 'accepted', by: ['provider'], reasonRequired: false },
  decline: { from: ['requested'], to: 'declined', by: ['provider'], reasonRequired: true },
  'accept-proposal': { from: ['proposed'], to: 'accepted', by: ['requester'], reasonRequired: false },
  'decline-proposal': { from: ['proposed'], to: 'declined', by: ['requester'], reasonRequired: true },
  'start-delivery': { from: ['accepted'], to: 'in-delivery', by: ['requester', 'provider'], reasonRequired: false },
  deliver: { from: ['in-delivery'], to: 'delivered', by: ['requester', 'provider'], reasonRequired: false },
  close: {
    from: ['shortlisted', 'proposed', 'requested', 'accepted', 'in-delivery'],
    to: 'closed',
    by: ['requester', 'provider'],
    reasonRequired: true,
  },
} as const satisfies Record<string, MatchTransitionRule>;
export type MatchTransition = keyof typeof MATCH_TRANSITIONS;
export const MATCH_TRANSITION_NAMES = Object.keys(MATCH_TRANSITIONS) as MatchTransition[];

/** How a match begins: a requester shortlists an offering, or a provider proposes one. */
export const MATCH_STARTS = { shortlist: 'shortlisted', propose: 'proposed' } as const satisfies Record<string, MatchStatus>;
export type MatchStart = keyof typeof MATCH_STARTS;
/** Which side starts a match each way. */
export const STARTED_BY: Readonly<Record<MatchStart, MatchSide>> = { shortlist: 'requester', propose: 'provider' };

/** Matches still under way: a need or offering may not have a second one with the same partner. */
export const LIVE_MATCH_STATUSES: readonly MatchStatus[] = ['shortlisted', 'proposed', 'requested', 'accepted', 'in-delivery'];
/** Matches that hold the offering's seats (the engine counts them as taken). */
export const SEAT_HOLDING_STATUSES: readonly MatchStatus[] = ['accepted', 'in-delivery', 'delivered'];

/** Ratings are whole numbers from 1 (poor) to 5 (excellent). */
export const RATING_MIN = 1;
export const RATING_MAX = 5;

/**
 * The rule of a transition, or undefined for a name the machine does not know.
 * @example matchTransitionOf('decline')?.reasonRequired // true
 */
export function matchTransitionOf(name: string): MatchTransitionRule | undefined {
  return Object.hasOwn(MATCH_TRANSITIONS, name) ? MATCH_TRANSITIONS[name as MatchTransition] : undefined;
}

/**
 * The status `transition` leads to from `status`, or undefined when it does not apply there.
 * @example nextMatchStatus('requested', 'accept') // 'accepted'
 * @example nextMatchStatus('shortlisted', 'accept') // undefined
 */
export function nextMatchStatus(status: MatchStatus, transition: string): MatchStatus | undefined {
  const rule = matchTransitionOf(transition);
  return rule && rule.from.includes(status) ? rule.to : undefined;
}

/**
 * The transitions `side` may take from `status`, in table order (the buttons a page shows).
 * @example matchTransitionsFor('requested', 'provider') // ['accept', 'decline', 'close']
 */
export function matchTransitionsFor(status: MatchStatus, side: MatchSide): MatchTransition[] {
  return MATCH_TRANSITION_NAMES.filter((name) => {
    const rule: MatchTransitionRule = MATCH_TRANSITIONS[name];
    return rule.from.includes(status) && rule.by.includes(side);
  });
}

/** Whether a side sees the match at all: a shortlist is the requester's private note. */
export function sideSees(status: MatchStatus, side: MatchSide): boolean {
  return side === 'requester' || status !== 'shortlisted';
}

/** The other side. @example otherSide('provider') // 'requester' */
export function otherSide(side: MatchSide): MatchSide {
  return side === 'requester' ? 'provider' : 'requester';
}

/**
 * A status or transition as an ICU select keyword (no hyphens there): `in-delivery` → `inDelivery`.
 * @example selectorOf('accept-proposal') // 'acceptProposal'
 */
export function selectorOf(name: string): string {
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** Whether the match is finished (no transition applies any more). */
export function isFinished(status: MatchStatus): boolean {
  return MATCH_TRANSITION_NAMES.every((name) => !(MATCH_TRANSITIONS[name].from as readonly MatchStatus[]).includes(status));
}

/** A need's statuses (src/core/capacity/workflow.ts), as far as its matches move it. */
export type NeedProgress = 'open' | 'matched' | 'in-delivery' | 'fulfilled' | 'closed-unmet';

/** What a match's change does to its need: the need's transition (capacity's names) and the status it leads to. */
export interface NeedStep {
  readonly transition: 'match' | 'start-delivery' | 'fulfil' | 'unmatch';
  readonly to: NeedProgress;
}

/**
 * How a need follows its matches (docs/methods.md, "The match workflow and the need"). Only
 * forward, never past where the need already is, and never out of `closed-unmet` or `fulfilled`
 * (the requester decided those):
 * - a match accepted → an open need is matched;
 * - a match in delivery → an open or matched need is in delivery;
 * - a match delivered with the requester's word that the need is met (`needMet`) → the need is
 *   fulfilled; without it the need stays in delivery (more deliveries may follow, and the
 *   requester can still fulfil it on the need itself);
 * - an accepted match closed → a matched need with no other accepted or in-delivery match goes
 *   back to open (the match fell through). A need in delivery stays: only its owner says it
 *   ended.
 * @example needStepAfter('open', 'accepted', { needMet: false, otherHolding: 0 }) // { transition: 'match', to: 'matched' }
 * @example needStepAfter('in-delivery', 'accepted', { needMet: false, otherHolding: 0 }) // undefined
 */
export function needStepAfter(
  need: NeedProgress,
  match: MatchStatus,
  facts: { readonly needMet: boolean; readonly otherHolding: number; readonly from?: MatchStatus },
): NeedStep | undefined {
  if (need === 'fulfilled' || need === 'closed-unmet') return undefined;
  if (match === 'accepted' && need === 'open') return { transition: 'match', to: 'matched' };
  if (match === 'in-delivery' && need !== 'in-delivery') return { transition: 'start-delivery', to: 'in-delivery' };
  if (match === 'delivered' && facts.needMet) return { transition: 'fulfil', to: 'fulfilled' };
  if (match === 'closed' && facts.from === 'accepted' && need === 'matched' && facts.otherHolding === 0)
    return { transition: 'unmatch', to: 'open' };
  return undefined;
}
