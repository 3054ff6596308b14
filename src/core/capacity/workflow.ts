/**
 * The two life cycles of the clearinghouse as pure state machines.
 *
 * Offering (supply): a provider writes a draft and submits it; a coordinator
 * publishes it or returns it with a reason; published offerings are archived
 * by their provider or, as moderation, by a coordinator; an archived offering
 * is reopened as a draft. Editing a published offering does not change its
 * status (an edit is not a transition).
 *
 *   draft ──submit──▶ in-review ──publish──▶ published ──archive──▶ archived
 *     ▲  ◀──withdraw──    │                                           │
 *     └────────return─────┘ (reason)         draft ◀──reopen──────────┘
 *   draft and in-review may also be archived.
 *
 * Need (demand): open → matched → in delivery → fulfilled; a match that falls
 * through goes back to open; a need that cannot be met is closed unmet with a
 * reason (a code of the `unmet-reasons` list and words), and may be reopened.
 *
 * Each transition names who may take it — the record's own organisation
 * (`owner`: its editors and owners), the platform's coordinators
 * (`coordinator`), or either — and whether a reason is required. The policy
 * (src/core/policy/policy.ts) reads these tables to decide; services call the
 * policy, never this module's tables directly, to let someone act.
 */

export const OFFERING_STATUSES = ['draft', 'in-review', 'published', 'archived'] as const;
export type OfferingStatus = (typeof OFFERING_STATUSES)[number];

export const NEED_STATUSES = ['open', 'matched', 'in-delivery', 'fulfilled', 'closed-unmet'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

export type Taker = 'owner' | 'coordinator';

export interface Transition<S extends string> {
  readonly from: readonly S[];
  readonly to: S;
  readonly by: readonly Taker[];
  readonly reasonRequired: boolean;
}

export const OFFERING_TRANSITIONS = {
  submit: { from: ['draft'], to: 'in-review', by: ['owner'], reasonRequired: false },
  withdraw: { from: ['in-review'], to: 'draft', by: ['owner'], reasonRequired: false },
  publish: { from: ['in-review'], to: 'published', by: ['coordinator'], reasonRequired: false },
  return: { from: ['in-review'], to: 'draft', by: ['coordinator'], reasonRequired: true },
  archive: { from: ['draft', 'in-review', 'published'], to: 'archived', by: ['owner', 'coordinator'], reasonRequired: true },
  reopen: { from: ['archived'], to: 'draft', by: ['owner'], reasonRequired: false },
} as const satisfies Record<string, Transition<OfferingStatus>>;
export type OfferingTransition = keyof typeof OFFERING_TRANSITIONS;

export const NEED_TRANSITIONS = {
  match: { from: ['open'], to: 'matched', by: ['owner', 'coordinator'], reasonRequired: false },
  unmatch: { from: ['matched'], to: 'open', by: ['owner', 'coordinator'], reasonRequired: true },
  'start-delivery': { from: ['matched'], to: 'in-delivery', by: ['owner'], reasonRequired: false },
  fulfil: { from: ['in-delivery'], to: 'fulfilled', by: ['owner'], reasonRequired: false },
  'close-unmet': { from: ['open', 'matched', 'in-delivery'], to: 'closed-unmet', by: ['owner', 'coordinator'], reasonRequired: true },
  reopen: { from: ['closed-unmet'], to: 'open', by: ['owner'], reasonRequired: false },
} as const satisfies Record<string, Transition<NeedStatus>>;
export type NeedTransition = keyof typeof NEED_TRANSITIONS;

/** Statuses in which a record's content may still be edited (archived offerings are reopened first; finished needs stay as they ended). */
export const EDITABLE_OFFERING_STATUSES: readonly OfferingStatus[] = ['draft', 'in-review', 'published'];
export const EDITABLE_NEED_STATUSES: readonly NeedStatus[] = ['open', 'matched', 'in-delivery'];

type Machine<S extends string> = Readonly<Record<string, Transition<S>>>;

/**
 * The status a transition leads to from `status`, or undefined when it does not apply there.
 * @example nextStatus(OFFERING_TRANSITIONS, 'draft', 'submit') // 'in-review'
 * @example nextStatus(OFFERING_TRANSITIONS, 'draft', 'publish') // undefined
 */
export function nextStatus<S extends string>(machine: Machine<S>, status: S, transition: string): S | undefined {
  const t = Object.hasOwn(machine, transition) ? machine[transition] : undefined;
  return t && t.from.includes(status) ? t.to : undefined;
}

/**
 * The transitions that apply from `status`, in table order (what a page offers as buttons, what a 409 lists).
 * @example transitionsFrom(OFFERING_TRANSITIONS, 'in-review') // ['withdraw', 'publish', 'return', 'archive']
 */
export function transitionsFrom<S extends string>(machine: Machine<S>, status: S): string[] {
  return Object.entries(machine)
    .filter(([, t]) => t.from.includes(status))
    .map(([name]) => name);
}

/** The transition's definition, or undefined for a name the machine does not know. */
export function transitionOf<S extends string>(machine: Machine<S>, name: string): Transition<S> | undefined {
  return Object.hasOwn(machine, name) ? machine[name] : undefined;
}
