/** The learning page's two forms for the forms stage: adding an offering to the plan, and moving an item on. */
import { z } from 'zod';
import type { FormSpec } from '../../platform/forms/index.js';
import { PLAN_STATUSES } from './repository.js';

const AddSchema = z.object({
  offeringId: z.uuid(),
  skillKind: z.enum(['digcomp', 'topic', 'language']),
  skillCode: z.string().regex(/^[A-Za-z0-9.-]{1,40}$/),
  targetLevel: z
    .string()
    .regex(/^([1-8]|A1|A2|B1|B2|C1|C2|native)$/)
    .optional(),
  roleId: z.uuid().optional(),
});

export const ADD_FORM: FormSpec<z.infer<typeof AddSchema>> = {
  schema: AddSchema,
  // Blank optional fields are absent.
  input: (posted) => Object.fromEntries(Object.entries(posted).filter(([, v]) => v !== '')),
  fields: {},
};

const StatusSchema = z.object({ status: z.enum(PLAN_STATUSES) });

export const STATUS_FORM: FormSpec<z.infer<typeof StatusSchema>> = {
  schema: StatusSchema,
  fields: { status: { label: 'people.learning.status' } },
};
