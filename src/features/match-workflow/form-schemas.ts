/**
 * The match pages' forms for the forms stage, each validated by the schema of
 * the same API operation, so a page and the API accept exactly the same input.
 */
import type { FormSpec, Posted } from '../../platform/forms/index.js';
import {
  MatchCommentInputSchema,
  MatchRatingInputSchema,
  MatchStartInputSchema,
  MatchTransitionInputSchema,
  type MatchCommentInput,
  type MatchRatingInput,
  type MatchStartInput,
  type MatchTransitionInput,
} from './schemas.js';

const blankToUndefined = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value);
/** A posted number: blank is absent, anything else is read as a number (NaN fails the schema's number check). */
const numberOf = (value: string | undefined) => {
  const text = blankToUndefined(value);
  return text === undefined ? undefined : /^\s*-?\d+(\.\d+)?\s*$/.test(text) ? Number(text) : text;
};

export const START_FORM: FormSpec<MatchStartInput> = { schema: MatchStartInputSchema, fields: {} };

export const TRANSITION_FORM: FormSpec<MatchTransitionInput> = {
  schema: MatchTransitionInputSchema,
  input: (posted: Posted) => ({
    transition: posted['transition'],
    version: numberOf(posted['version']),
    reason: blankToUndefined(posted['reason']),
    peopleTrained: numberOf(posted['peopleTrained']),
    // A checkbox: absent is "not said"; any value but its own fails the schema's boolean check.
    needMet: posted['needMet'] === undefined ? undefined : posted['needMet'] === 'yes' ? true : posted['needMet'],
  }),
  fields: {
    reason: { label: 'matches.field.reason', message: 'matches.error.reason' },
    peopleTrained: { label: 'matches.field.peopleTrained', message: 'matches.error.peopleTrained' },
    needMet: { label: 'matches.field.needMet', message: 'matches.error.needMet' },
  },
};

/**
 * The element id of a transition form's field: each transition has its own form on the match
 * page, so its fields are named after it (`decline-reason`), and the error summary must link there.
 * @example transitionFieldId('decline', 'reason') // 'decline-reason'
 */
export function transitionFieldId(transition: string, field: string): string {
  return `${transition}-${{ peopleTrained: 'people', needMet: 'need-met' }[field] ?? field}`;
}

export const COMMENT_FORM: FormSpec<MatchCommentInput> = {
  schema: MatchCommentInputSchema,
  fields: { text: { label: 'matches.field.comment', id: 'comment', message: 'matches.error.comment' } },
};

export const RATING_FORM: FormSpec<MatchRatingInput> = {
  schema: MatchRatingInputSchema,
  input: (posted: Posted) => ({ rating: numberOf(posted['rating']), comment: blankToUndefined(posted['comment']) }),
  fields: {
    rating: { label: 'matches.field.rating', message: 'matches.error.rating' },
    comment: { label: 'matches.field.ratingComment' },
  },
};
