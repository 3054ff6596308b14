import { z } from '@hono/zod-openapi';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, t } from '../../i18n/i18n.js';
import { LANGUAGES } from '../../shared/localised.js';
import { kindOf } from './issues.js';
import type { FormError, FormSpec } from './spec.js';
import { validateForm } from './validate.js';

/** A form like the organisation form of the accessibility audit: same kinds of rules. */
const Schema = z.object({
  name: z.string().trim().min(2).max(200),
  kind: z.enum(['academia', 'civil-society']),
  website: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable(),
  seats: z.coerce.number().int().min(1).max(5000).optional(),
  password: z
    .string()
    .min(1)
    .superRefine((v, ctx) => {
      if (v === 'password123')
        ctx.addIssue({ code: 'custom', message: 'too common', params: { i18n: 'accounts.error.password.too-common' } });
    }),
});
const SPEC: FormSpec<z.infer<typeof Schema>> = {
  schema: Schema,
  input: (posted) => ({ ...posted, website: posted['website']?.trim() ? posted['website'] : null }),
  fields: {
    name: { label: 'org.field.name' },
    kind: { label: 'org.field.kind' },
    website: { label: 'org.field.website' },
    seats: { label: 'org.field.name', id: 'seats-field' },
    password: { label: 'accounts.field.password', messages: { required: 'accounts.error.password.required' } },
  },
  secret: ['password'],
};
const VALID = { name: 'University of Nairobi', kind: 'academia', website: 'https://uonbi.ac.ke', password: 'long enough' };

function failed(posted: Record<string, string>): readonly FormError[] {
  const result = validateForm(SPEC, posted);
  if (result.ok) throw new Error('expected the form to fail');
  return result.state.errors;
}
const said = (lang: (typeof LANGUAGES)[number], e: FormError) => t(lang, e.message.key, e.message.params ?? {});

describe('validateForm', () => {
  it('accepts a valid form and gives the schema’s typed output', () => {
    expect(validateForm(SPEC, { ...VALID, seats: '40' })).toEqual({
      ok: true,
      data: { name: 'University of Nairobi', kind: 'academia', website: 'https://uonbi.ac.ke', seats: 40, password: 'long enough' },
    });
  });

  it('says what the audit found in English only, in Arabic and without field keys: too short a name, not a web address', () => {
    const errors = failed({ ...VALID, name: 'A', website: 'not a url' });
    expect(errors.map((e) => [e.field, e.id, e.label, e.message.key])).toEqual([
      ['name', 'name', 'org.field.name', 'forms.error.tooShort'],
      ['website', 'website', 'org.field.website', 'forms.error.url'],
    ]);
    expect(errors[0]!.message.params).toEqual({ min: 2 });
    const arabic = errors.map((e) => said('ar', e));
    expect(arabic[0]).toBe('أدخل حرفين على الأقل');
    expect(arabic[1]).toContain('https://');
    for (const text of arabic) expect(text).not.toMatch(/name|website|Too small|Invalid/);
  });

  it('calls a blank field simply required, whatever rule it breaks first', () => {
    const errors = failed({ ...VALID, name: '   ', password: '' });
    expect(errors.map((e) => [e.field, e.message.key])).toEqual([
      ['name', 'forms.error.required'],
      ['password', 'accounts.error.password.required'],
    ]);
  });

  it('prefers the message a refinement attached, then the field’s, then the general one', () => {
    expect(failed({ ...VALID, password: 'password123' }).map((e) => e.message.key)).toEqual(['accounts.error.password.too-common']);
  });

  it('reads numbers, choices and lengths with their limits', () => {
    const errors = failed({ ...VALID, kind: 'guild', seats: '2.5', name: 'x'.repeat(201) });
    expect(errors.map((e) => [e.field, e.message.key, e.message.params])).toEqual([
      ['name', 'forms.error.tooLong', { max: 200 }],
      ['kind', 'forms.error.choice', {}],
      ['seats', 'forms.error.integer', {}],
    ]);
    expect(errors[2]!.id, 'the summary links to the element id').toBe('seats-field');
    expect(failed({ ...VALID, seats: '9000' })[0]!.message).toEqual({ key: 'forms.error.tooBig', params: { max: 5000 } });
  });

  it('gives back what was typed, never a secret field', () => {
    const result = validateForm(SPEC, { ...VALID, name: 'A', password: 'typed secret' });
    const values = result.ok ? {} : result.state.values;
    expect(values['name']).toBe('A');
    expect(values).not.toHaveProperty('password');
  });

  it('puts a problem with something the page shows no field for on the form as a whole, unlinked', () => {
    const spec: FormSpec<{ token: string }> = { schema: z.object({ token: z.string().min(20) }), fields: {} };
    const result = validateForm(spec, { token: 'short' });
    expect(result.ok ? [] : result.state.errors).toEqual([
      { field: '', id: '', message: { key: 'forms.error.tooShort', params: { min: 20 } } },
    ]);
  });

  it('never throws on hostile input, and every message it gives exists and renders in all six languages', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('name', 'kind', 'website', 'seats', 'password', 'other'), fc.string({ maxLength: 300 })),
        (posted) => {
          const result = validateForm(SPEC, posted);
          if (result.ok) return;
          for (const error of result.state.errors) {
            expect(CATALOGUES.en).toHaveProperty([error.message.key]);
            for (const lang of LANGUAGES) expect(said(lang, error).length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

const issues = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues ?? [];

describe('kindOf', () => {
  it('reads Zod’s issue codes as kinds of problem', () => {
    const kind = (schema: z.ZodType, value: unknown) => kindOf(issues(schema, value)[0]!, false);
    expect(kind(z.email(), 'x')).toBe('email');
    expect(kind(z.string().regex(/^\d+$/), 'x')).toBe('format');
    expect(kind(z.number(), 'x')).toBe('number');
    expect(kind(z.array(z.string()).min(2), ['a'])).toBe('tooFew');
    expect(kind(z.array(z.string()).max(1), ['a', 'b'])).toBe('tooMany');
    expect(kind(z.number().min(3), 1)).toBe('tooSmall');
    expect(kind(z.literal('yes'), 'no')).toBe('choice');
    expect(kindOf(issues(z.literal('yes'), undefined)[0]!, true)).toBe('required');
  });
});
