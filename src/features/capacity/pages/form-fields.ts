/**
 * The offering and need forms as data: each field's control (text, list of checkboxes, codes
 * separated by `;`, money …), its label, and how its posted strings become the API's input and
 * a stored value becomes strings again (edit forms). The forms stage validates the result with
 * the API's own schema, so a page accepts exactly what the API accepts.
 *
 * Checkbox lists are posted as one field per box (`topics.cybersecurity=on`): the forms stage
 * reads one string per name.
 */
import type { MessageKey } from '../../../i18n/i18n.js';
import type { Posted } from '../../../platform/forms/index.js';
import type { ListName } from './labels.js';

export type ChoiceSource = ListName | 'topics' | 'languages' | 'countries' | 'organisations' | 'visibility' | 'sdgs' | 'digcomp';

export type Control =
  | { readonly kind: 'text'; readonly maxlength: number; readonly type?: 'text' | 'url' | 'email' }
  | { readonly kind: 'textarea'; readonly maxlength: number }
  | { readonly kind: 'select'; readonly from: ChoiceSource }
  | { readonly kind: 'checks'; readonly from: ChoiceSource }
  /** Codes separated by `;`, `,` or spaces: upper-cased (ISO, group codes), or `lower` (ESCO UUIDs, given alone or as the end of their URI). */
  | { readonly kind: 'codes'; readonly lower?: boolean }
  /** Up to MAX_TRANSLATIONS fieldsets (language, title, summary, description), posted as translations.<i>.<part>. */
  | { readonly kind: 'translations' }
  | { readonly kind: 'number' }
  | { readonly kind: 'date' }
  | { readonly kind: 'bool' }
  | { readonly kind: 'money' };

export interface FieldDef {
  /** The API field (the first segment of a schema path); posted under this name (money: name.amount, name.currency). */
  readonly name: string;
  readonly label: MessageKey;
  readonly hint?: MessageKey;
  readonly control: Control;
  readonly optional: boolean;
}

const f = (name: string, label: MessageKey, control: Control, optional = true, hint?: MessageKey): FieldDef => ({
  name,
  label,
  control,
  optional,
  ...(hint ? { hint } : {}),
});

/** The languages offered as boxes and in the text-language select: the six UN languages, then others common in the catalogue. */
export const FORM_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es', 'pt', 'sw', 'hi', 'id'] as const;

export const OFFERING_FIELDS: readonly FieldDef[] = [
  f('kind', 'capacity.field.kind', { kind: 'select', from: 'offering-kinds' }, false),
  f('language', 'capacity.field.language', { kind: 'select', from: 'languages' }, false),
  f('title', 'capacity.field.title', { kind: 'text', maxlength: 200 }, false),
  f('summary', 'capacity.field.summary', { kind: 'textarea', maxlength: 600 }, false),
  f('description', 'capacity.field.description', { kind: 'textarea', maxlength: 20_000 }),
  f('topics', 'capacity.field.topics', { kind: 'checks', from: 'topics' }, false, 'capacity.hint.topics'),
  f('digcomp', 'clearinghouse.field.digcomp', { kind: 'checks', from: 'digcomp' }, true, 'clearinghouse.hint.digcomp'),
  f('esco', 'clearinghouse.field.esco', { kind: 'codes', lower: true }, true, 'clearinghouse.hint.esco'),
  f('sdgs', 'clearinghouse.field.sdgs', { kind: 'checks', from: 'sdgs' }),
  f('audiences', 'capacity.field.audiences', { kind: 'checks', from: 'audiences' }, false),
  f('targetGroups', 'capacity.field.targetGroups', { kind: 'checks', from: 'target-groups' }),
  f('levels', 'capacity.field.levels', { kind: 'checks', from: 'levels' }),
  f('modality', 'capacity.field.modality', { kind: 'select', from: 'modalities' }),
  f('bandwidth', 'capacity.field.bandwidth', { kind: 'select', from: 'bandwidth' }),
  f('languages', 'capacity.field.languages', { kind: 'checks', from: 'languages' }, false),
  f('eligibleCountries', 'capacity.field.eligibleCountries', { kind: 'codes' }, true, 'capacity.hint.countries'),
  f('eligibleGroups', 'capacity.field.eligibleGroups', { kind: 'codes' }, true, 'capacity.hint.groups'),
  f('fee', 'capacity.field.fee', { kind: 'money' }, true, 'capacity.hint.fee'),
  f('waivers', 'capacity.field.waivers', { kind: 'textarea', maxlength: 1000 }),
  f('durationHours', 'capacity.field.durationHours', { kind: 'number' }),
  f('rolling', 'capacity.field.rolling', { kind: 'bool' }),
  f('startDate', 'capacity.field.startDate', { kind: 'date' }),
  f('endDate', 'capacity.field.endDate', { kind: 'date' }),
  f('seats', 'capacity.field.seats', { kind: 'number' }),
  f('certification', 'capacity.field.certification', { kind: 'select', from: 'certifications' }),
  f('accessibility', 'capacity.field.accessibility', { kind: 'checks', from: 'accessibility-features' }),
  f('url', 'capacity.field.url', { kind: 'text', maxlength: 2000, type: 'url' }),
  f('contactEmail', 'capacity.field.contactEmail', { kind: 'text', maxlength: 254, type: 'email' }),
  f('pledgeAmount', 'capacity.field.pledgeAmount', { kind: 'money' }, true, 'capacity.hint.pledge'),
  f('pledgeInKind', 'capacity.field.pledgeInKind', { kind: 'textarea', maxlength: 2000 }),
  f('umcDimension', 'capacity.field.umcDimension', { kind: 'select', from: 'umc-dimensions' }),
  f('translations', 'clearinghouse.field.translations', { kind: 'translations' }, true, 'clearinghouse.hint.translations'),
];

export const NEED_FIELDS: readonly FieldDef[] = [
  f('country', 'capacity.field.country', { kind: 'select', from: 'countries' }, false),
  f('language', 'capacity.field.language', { kind: 'select', from: 'languages' }, false),
  f('title', 'capacity.field.title', { kind: 'text', maxlength: 200 }, false),
  f('description', 'capacity.field.description', { kind: 'textarea', maxlength: 20_000 }, false),
  f('topics', 'capacity.field.topics', { kind: 'checks', from: 'topics' }, false, 'capacity.hint.topics'),
  f('digcomp', 'clearinghouse.field.digcomp', { kind: 'checks', from: 'digcomp' }, true, 'clearinghouse.hint.digcomp'),
  f('esco', 'clearinghouse.field.esco', { kind: 'codes', lower: true }, true, 'clearinghouse.hint.esco'),
  f('audiences', 'capacity.field.audiences', { kind: 'checks', from: 'audiences' }, false),
  f('targetGroups', 'capacity.field.targetGroups', { kind: 'checks', from: 'target-groups' }),
  f('peopleCount', 'capacity.field.peopleCount', { kind: 'number' }),
  f('level', 'capacity.field.level', { kind: 'select', from: 'levels' }),
  f('languages', 'capacity.field.needLanguages', { kind: 'checks', from: 'languages' }, false),
  f('preferredModality', 'capacity.field.modality', { kind: 'select', from: 'modalities' }),
  f('startDate', 'capacity.field.startDate', { kind: 'date' }),
  f('endDate', 'capacity.field.endDate', { kind: 'date' }),
  f('budget', 'capacity.field.budget', { kind: 'money' }),
  f('urgency', 'capacity.field.urgency', { kind: 'select', from: 'urgencies' }, false),
  f('evidenceUrl', 'capacity.field.evidenceUrl', { kind: 'text', maxlength: 2000 }, true, 'capacity.hint.evidence'),
  f('evidenceNote', 'capacity.field.evidenceNote', { kind: 'textarea', maxlength: 2000 }),
  f('visibility', 'capacity.field.visibility', { kind: 'select', from: 'visibility' }, false),
];

const blank = (value: string | undefined) => value === undefined || value.trim() === '';

/** The API allows five translations; the form shows those held and one empty set, up to five. */
export const MAX_TRANSLATIONS = 5;

interface Translation {
  readonly language: string;
  readonly title: string;
  readonly summary: string;
  readonly description: string | null;
}

/** The posted translation sets that were filled in (a set left blank is no translation); the schema checks each. */
function translationsOf(name: string, posted: Posted): Record<string, unknown>[] {
  const sets: Record<string, unknown>[] = [];
  for (let i = 0; i < MAX_TRANSLATIONS + 1; i += 1) {
    const part = (p: string) => posted[`${name}.${i}.${p}`];
    if (['language', 'title', 'summary', 'description'].every((p) => blank(part(p)))) continue;
    sets.push({
      language: part('language')?.trim() ?? '',
      title: part('title') ?? '',
      summary: part('summary') ?? '',
      description: blank(part('description')) ? null : part('description')!.replace(/\r\n/g, '\n').trim(),
    });
  }
  return sets;
}

/** One field's posted strings as the API's value. */
function valueOf(def: FieldDef, posted: Posted): unknown {
  const raw = posted[def.name];
  const control = def.control;
  switch (control.kind) {
    case 'text':
    case 'textarea':
    case 'select':
    case 'date':
      if (blank(raw)) return def.optional ? null : '';
      return control.kind === 'textarea' ? raw!.replace(/\r\n/g, '\n').trim() : raw!.trim();
    case 'checks': {
      const prefix = `${def.name}.`;
      return Object.keys(posted)
        .filter((key) => key.startsWith(prefix) && posted[key] !== '')
        .map((key) => key.slice(prefix.length));
    }
    case 'codes': {
      if (blank(raw)) return [];
      const codes = raw!.split(/[\s;,]+/).filter(Boolean);
      return control.lower ? codes.map((code) => (code.split('/').at(-1) ?? code).toLowerCase()) : codes.map((code) => code.toUpperCase());
    }
    case 'translations':
      return translationsOf(def.name, posted);
    case 'number': {
      if (blank(raw)) return null;
      const n = Number(raw!.trim().replace(',', '.'));
      return Number.isFinite(n) ? n : raw;
    }
    case 'bool':
      return raw === 'on' || raw === 'true';
    case 'money': {
      const amount = posted[`${def.name}.amount`];
      const currency = posted[`${def.name}.currency`];
      if (blank(amount) && blank(currency)) return null;
      const n = Number((amount ?? '').trim().replace(',', '.'));
      return { amount: blank(amount) ? null : Number.isFinite(n) ? n : amount, currency: (currency ?? '').trim().toUpperCase() };
    }
  }
}

/** The API's body from a posted form (the pledge's three fields become its one object, for pledge kinds only). */
export function inputOf(fields: readonly FieldDef[], posted: Posted): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const def of fields) body[def.name] = valueOf(def, posted);
  if ('pledgeAmount' in body) {
    const money = body['pledgeAmount'] as { amount: unknown; currency: string } | null;
    const pledgeKind = body['kind'] === 'financing-pledge' || body['kind'] === 'infrastructure-pledge';
    body['pledge'] = pledgeKind
      ? {
          amount: money?.amount ?? null,
          currency: money?.currency || null,
          inKind: body['pledgeInKind'],
          umcDimension: body['umcDimension'],
        }
      : null;
    delete body['pledgeAmount'];
    delete body['pledgeInKind'];
    delete body['umcDimension'];
  }
  return body;
}

/** A stored record's values as the strings an edit form shows. */
export function postedOf(fields: readonly FieldDef[], record: Record<string, unknown>): Record<string, string> {
  const pledge = record['pledge'] as { amount: number | null; currency: string | null; inKind: string | null; umcDimension: string } | null;
  const source: Record<string, unknown> = {
    ...record,
    ...(pledge !== undefined
      ? {
          pledgeAmount: pledge && pledge.amount !== null ? { amount: pledge.amount, currency: pledge.currency } : null,
          pledgeInKind: pledge?.inKind ?? null,
          umcDimension: pledge?.umcDimension ?? null,
        }
      : {}),
  };
  const posted: Record<string, string> = {};
  for (const def of fields) {
    const value = source[def.name];
    switch (def.control.kind) {
      case 'checks':
        for (const code of (value as string[] | undefined) ?? []) posted[`${def.name}.${code}`] = 'on';
        break;
      case 'codes':
        posted[def.name] = ((value as string[] | undefined) ?? []).join('; ');
        break;
      case 'translations':
        ((value as Translation[] | undefined) ?? []).forEach((tr, i) => {
          posted[`${def.name}.${i}.language`] = tr.language;
          posted[`${def.name}.${i}.title`] = tr.title;
          posted[`${def.name}.${i}.summary`] = tr.summary;
          posted[`${def.name}.${i}.description`] = tr.description ?? '';
        });
        break;
      case 'bool':
        if (value === true) posted[def.name] = 'on';
        break;
      case 'money': {
        const money = value as { amount: number | null; currency: string | null } | null;
        if (money) {
          posted[`${def.name}.amount`] = money.amount === null ? '' : String(money.amount);
          posted[`${def.name}.currency`] = money.currency ?? '';
        }
        break;
      }
      default:
        posted[def.name] = value === null || value === undefined ? '' : String(value);
    }
  }
  return posted;
}
