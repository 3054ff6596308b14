/**
 * The organisation pages' forms for the forms stage, each validated by the
 * schema of the same API operation: create and edit (OrganisationInputSchema),
 * a member's role, an invitation, verification, accepting an invitation.
 */
import { z } from '@hono/zod-openapi';
import type { FormSpec, Posted } from '../../platform/forms/index.js';
import { InvitationInputSchema, MemberUpdateSchema, OrganisationInputSchema, VerificationInputSchema } from './schemas.js';

const orNull = (value: string | undefined) => (value === undefined || value.trim() === '' ? null : value.trim());

/** The organisation form as the API takes it: blank optional fields are null. */
function organisationInput(posted: Posted) {
  return {
    name: posted['name'] ?? '',
    acronym: orNull(posted['acronym']),
    kind: posted['kind'],
    country: orNull(posted['country']),
    website: orNull(posted['website']),
    description: orNull(posted['description']),
  };
}

export const ORGANISATION_FORM: FormSpec<z.infer<typeof OrganisationInputSchema>> = {
  schema: OrganisationInputSchema,
  input: organisationInput,
  fields: {
    name: { label: 'org.field.name' },
    acronym: { label: 'org.field.acronym' },
    kind: { label: 'org.field.kind' },
    country: { label: 'org.field.country', message: 'org.error.country' },
    website: { label: 'org.field.website' },
    description: { label: 'org.field.description' },
  },
};

/** A member's new role: one select per member, so a problem is the form's, not a field's. */
export const ROLE_FORM: FormSpec<z.infer<typeof MemberUpdateSchema>> = { schema: MemberUpdateSchema, fields: {} };

export const INVITATION_FORM: FormSpec<z.infer<typeof InvitationInputSchema>> = {
  schema: InvitationInputSchema,
  fields: {
    email: { label: 'org.invite.email', id: 'invite-email' },
    role: { label: 'org.col.role', id: 'invite-role' },
  },
};

export const VERIFICATION_FORM: FormSpec<z.infer<typeof VerificationInputSchema>> = {
  schema: VerificationInputSchema,
  // One domain per line (commas and spaces also separate them), as the API's list.
  input: (posted) => ({
    verification: posted['verification'],
    ...(posted['emailDomains'] !== undefined ? { emailDomains: posted['emailDomains'].split(/[\s,]+/).filter(Boolean) } : {}),
  }),
  fields: {
    verification: { label: 'org.verify.status', id: 'verification' },
    emailDomains: { label: 'org.verify.domains', id: 'domains', message: 'org.error.domains' },
  },
};

/** A form of one button: nothing to validate but the CSRF token the middleware checked. */
export const BUTTON_FORM: FormSpec<object> = { schema: z.object({}), fields: {} };
