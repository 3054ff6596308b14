/**
 * The clearinghouse's forms for the forms stage, each validated by the schema of the same API
 * operation: create and edit an offering or a need, and a workflow step (transition with its
 * reason). The fields come from form-fields.ts.
 */
import { z } from '@hono/zod-openapi';
import type { FieldSpec, FormSpec, Posted } from '../../../platform/forms/index.js';
import { NeedInputSchema, NeedPatchSchema, NeedTransitionSchema } from '../need-schemas.js';
import { OfferingInputSchema, OfferingPatchSchema, OfferingTransitionSchema } from '../offering-schemas.js';
import { inputOf, NEED_FIELDS, OFFERING_FIELDS, type FieldDef } from './form-fields.js';

/** The element a field's line in the error summary links to. */
export function fieldId(def: FieldDef): string {
  return def.control.kind === 'money' ? `${def.name}-amount` : def.name;
}

function fieldSpecs(defs: readonly FieldDef[], organisationField: string): Record<string, FieldSpec> {
  const specs: Record<string, FieldSpec> = {
    [organisationField]: { label: 'capacity.field.organisation', id: 'organisation' },
    version: { label: 'capacity.field.version' },
  };
  for (const def of defs) specs[def.name] = { label: def.label, id: fieldId(def) };
  // The pledge's three fields are one object in the API: its problems show on the amount.
  if (defs === OFFERING_FIELDS) specs['pledge'] = { label: 'capacity.field.pledgeAmount', id: 'pledgeAmount-amount' };
  // A translation is a group of fields: one message says what each needs.
  if (specs['translations']) specs['translations'] = { ...specs['translations'], message: 'clearinghouse.problem.translation' };
  return specs;
}

const versionOf = (posted: Posted) => (/^\d{1,9}$/.test(posted['version'] ?? '') ? Number(posted['version']) : posted['version']);

export const OFFERING_CREATE_FORM: FormSpec<z.infer<typeof OfferingInputSchema>> = {
  schema: OfferingInputSchema,
  input: (posted) => ({ providerOrganisationId: posted['organisation'] ?? '', ...inputOf(OFFERING_FIELDS, posted) }),
  fields: fieldSpecs(OFFERING_FIELDS, 'providerOrganisationId'),
};

export const OFFERING_EDIT_FORM: FormSpec<z.infer<typeof OfferingPatchSchema>> = {
  schema: OfferingPatchSchema,
  input: (posted) => ({ version: versionOf(posted), ...inputOf(OFFERING_FIELDS, posted) }),
  fields: fieldSpecs(OFFERING_FIELDS, 'providerOrganisationId'),
};

export const NEED_CREATE_FORM: FormSpec<z.infer<typeof NeedInputSchema>> = {
  schema: NeedInputSchema,
  input: (posted) => ({ requesterOrganisationId: posted['organisation'] ?? '', ...inputOf(NEED_FIELDS, posted) }),
  fields: fieldSpecs(NEED_FIELDS, 'requesterOrganisationId'),
};

export const NEED_EDIT_FORM: FormSpec<z.infer<typeof NeedPatchSchema>> = {
  schema: NeedPatchSchema,
  input: (posted) => ({ version: versionOf(posted), ...inputOf(NEED_FIELDS, posted) }),
  fields: fieldSpecs(NEED_FIELDS, 'requesterOrganisationId'),
};

const transitionInput = (posted: Posted) => ({
  transition: posted['transition'] ?? '',
  ...(posted['reason']?.trim() ? { reason: posted['reason'].trim() } : {}),
  ...(posted['unmetReason'] ? { unmetReason: posted['unmetReason'] } : {}),
  ...(posted['version'] ? { version: versionOf(posted) } : {}),
});

export const OFFERING_TRANSITION_FORM: FormSpec<z.infer<typeof OfferingTransitionSchema>> = {
  schema: OfferingTransitionSchema,
  input: transitionInput,
  fields: { reason: { label: 'capacity.field.reason', id: 'reason' } },
};

export const NEED_TRANSITION_FORM: FormSpec<z.infer<typeof NeedTransitionSchema>> = {
  schema: NeedTransitionSchema,
  input: transitionInput,
  fields: {
    reason: { label: 'capacity.field.reason', id: 'reason' },
    unmetReason: { label: 'capacity.field.unmetReason', id: 'unmetReason' },
  },
};

/** Confirming an offering is still right: only the version the editor saw. */
export const REVIEW_FORM: FormSpec<{ version: number }> = {
  schema: z.strictObject({ version: z.number().int().min(1) }),
  input: (posted) => ({ version: versionOf(posted) }),
  fields: { version: { label: 'capacity.field.version' } },
};
