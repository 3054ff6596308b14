/**
 * The create and edit forms of offerings and needs, drawn from the field table (form-fields.ts)
 * with the forms stage's components; and the stale-version screen: when someone saved the record
 * after this form was opened, the form comes back (409) with what changed since, the values now
 * stored beside the ones typed, and the current version, so saving again is a decision.
 */
import { t, type MessageKey } from '../../../i18n/i18n.js';
import {
  errorOf,
  ErrorSummary,
  Form,
  hasErrors,
  SelectField,
  TextareaField,
  TextField,
  type Choice,
  type FormState,
  type FormToken,
} from '../../../platform/forms/index.js';
import { SDGS } from '../../../core/reference/sdgs.js';
import { LANGUAGES, pick, type Language } from '../../../shared/localised.js';
import { Layout, type PageContext } from '../../../web/layout.js';
import { FORM_LANGUAGES, MAX_TRANSLATIONS, type ChoiceSource, type FieldDef } from './form-fields.js';
import { fieldId } from './form-specs.js';
import { countryChoices, languageLabel, listCodes, listLabel, topicLabel, type ListName } from './labels.js';
import type { Vocabulary } from '../vocabulary.js';

export interface StaleChange {
  readonly field: string;
  readonly current: string;
}

export interface FormPageProps {
  readonly ctx: PageContext;
  readonly token: FormToken;
  readonly title: string;
  readonly lead?: string;
  readonly action: string;
  readonly fields: readonly FieldDef[];
  readonly form: FormState;
  readonly vocab: Vocabulary;
  /** The organisations the person may write for (create forms only). */
  readonly organisations?: readonly Choice[];
  readonly version?: number;
  readonly submit: MessageKey;
  /** Set when the save was refused because the record changed meanwhile. */
  readonly stale?: { readonly version: number; readonly changes: readonly StaleChange[] };
}

/** The choices of a select or checkbox list, with any value the record holds that the list lacks. */
function choices(lang: Language, vocab: Vocabulary, from: ChoiceSource, organisations: readonly Choice[]): Choice[] {
  switch (from) {
    case 'topics':
      return [...vocab.topics.keys()].map((code) => ({ value: code, label: topicLabel(lang, vocab, code) }));
    case 'languages':
      return FORM_LANGUAGES.map((code) => ({ value: code, label: languageLabel(lang, code) }));
    case 'countries':
      return countryChoices(lang, vocab);
    case 'organisations':
      return [...organisations];
    case 'sdgs':
      return SDGS.map((g) => ({ value: g.code, label: t(lang, 'clearinghouse.sdg.item', { number: g.code, name: pick(g.labels, lang) }) }));
    case 'digcomp':
      return [...vocab.digcompTerms].map(([code, term]) => ({ value: code, label: `${code} ${term.title}` }));
    case 'visibility':
      return [
        { value: 'public', label: t(lang, 'capacity.visibility.public') },
        { value: 'members', label: t(lang, 'capacity.visibility.members') },
      ];
    default:
      return listCodes(from as ListName).map((code) => ({ value: code, label: listLabel(lang, from as ListName, code) }));
  }
}

function Checks(props: { lang: Language; def: FieldDef; options: readonly Choice[]; form: FormState }) {
  const { lang, def, form } = props;
  const error = errorOf(form, def.name);
  const prefix = `${def.name}.`;
  const held = Object.keys(form.values)
    .filter((k) => k.startsWith(prefix))
    .map((k) => k.slice(prefix.length));
  const options = [
    ...props.options,
    ...held.filter((code) => !props.options.some((o) => o.value === code)).map((code) => ({ value: code, label: code })),
  ];
  return (
    <fieldset
      class={error ? 'field invalid' : 'field'}
      aria-describedby={error ? `${def.name}-error` : def.hint ? `${def.name}-hint` : undefined}
    >
      <GroupHead lang={lang} def={def} error={error} />
      <div class="choices">
        {options.map((o, i) => {
          const id = i === 0 ? def.name : `${def.name}-${o.value}`;
          return (
            <div class="check">
              <input type="checkbox" id={id} name={`${prefix}${o.value}`} checked={form.values[`${prefix}${o.value}`] === 'on'} />
              <label for={id}>{o.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** The legend, hint and error of a group of controls. */
function GroupHead(props: { lang: Language; def: FieldDef; error: ReturnType<typeof errorOf> }) {
  const { lang, def, error } = props;
  return (
    <>
      <legend>
        {t(lang, def.label)}
        {def.optional ? <span class="optional"> {t(lang, 'forms.optional')}</span> : null}
      </legend>
      {def.hint ? (
        <p class="hint" id={`${def.name}-hint`}>
          {t(lang, def.hint)}
        </p>
      ) : null}
      {error ? (
        <p class="error" id={`${def.name}-error`}>
          {t(lang, error.key, error.params ?? {})}
        </p>
      ) : null}
    </>
  );
}

/**
 * DigComp 2.2's competences as checkboxes grouped by area (the area names in the reader's
 * language, the competence titles in DigComp's official English); a whole area a record holds
 * (from the API or an import) shows as one more box in its group, so an edit keeps it.
 */
function DigcompChecks(props: { lang: Language; def: FieldDef; vocab: Vocabulary; form: FormState }) {
  const { lang, def, vocab, form } = props;
  const error = errorOf(form, def.name);
  const terms = [...vocab.digcompTerms];
  const areas = terms.filter(([, term]) => term.area === null).map(([code]) => code);
  let first = true;
  const box = (code: string, label: string, labelLang?: string) => {
    const id = first ? def.name : `${def.name}-${code.replace('.', '-')}`;
    first = false;
    const name = `${def.name}.${code}`;
    return (
      <div class="check">
        <input type="checkbox" id={id} name={name} checked={form.values[name] === 'on'} />
        <label for={id} lang={labelLang}>
          {label}
        </label>
      </div>
    );
  };
  return (
    <fieldset
      class={error ? 'field invalid' : 'field'}
      aria-describedby={error ? `${def.name}-error` : def.hint ? `${def.name}-hint` : undefined}
    >
      <GroupHead lang={lang} def={def} error={error} />
      {areas.map((area) => (
        <fieldset class="choices">
          <legend>{t(lang, `clearinghouse.digcomp.area${area}` as MessageKey)}</legend>
          {form.values[`${def.name}.${area}`] === 'on' ? box(area, t(lang, `clearinghouse.digcomp.area${area}` as MessageKey)) : null}
          {terms.filter(([, term]) => term.area === area).map(([code, term]) => box(code, `${code} ${term.title}`, 'en'))}
        </fieldset>
      ))}
    </fieldset>
  );
}

/**
 * The offering's translations: one fieldset per translation held and one empty one (up to five),
 * so that without JavaScript a provider adds one per save. A set left blank is no translation.
 */
function Translations(props: { lang: Language; def: FieldDef; form: FormState }) {
  const { lang, def, form } = props;
  const error = errorOf(form, def.name);
  const filled = (i: number) =>
    ['language', 'title', 'summary', 'description'].some((p) => (form.values[`${def.name}.${i}.${p}`] ?? '').trim() !== '');
  let held = 0;
  while (held < MAX_TRANSLATIONS && filled(held)) held += 1;
  const sets = Math.min(MAX_TRANSLATIONS, held + 1);
  const languages = [
    { value: '', label: t(lang, 'clearinghouse.translation.none') },
    ...LANGUAGES.map((code) => ({ value: code, label: languageLabel(lang, code) })),
  ];
  return (
    <fieldset
      class={error ? 'field invalid' : 'field'}
      aria-describedby={error ? `${def.name}-error` : def.hint ? `${def.name}-hint` : undefined}
    >
      <GroupHead lang={lang} def={def} error={error} />
      {Array.from({ length: sets }, (_, i) => {
        const name = (part: string) => `${def.name}.${i}.${part}`;
        const id = (part: string) => (i === 0 && part === 'language' ? def.name : `${def.name}-${i}-${part}`);
        return (
          <fieldset class="translation">
            <legend>{t(lang, 'clearinghouse.translation.legend', { number: i + 1 })}</legend>
            <SelectField
              lang={lang}
              name={name('language')}
              id={id('language')}
              label="clearinghouse.translation.language"
              options={languages}
              value={form.values[name('language')]}
            />
            <TextField
              lang={lang}
              name={name('title')}
              id={id('title')}
              label="clearinghouse.translation.title"
              autocomplete="off"
              maxlength={200}
              value={form.values[name('title')]}
            />
            <TextareaField
              lang={lang}
              name={name('summary')}
              id={id('summary')}
              label="clearinghouse.translation.summary"
              maxlength={600}
              rows={3}
              value={form.values[name('summary')]}
            />
            <TextareaField
              lang={lang}
              name={name('description')}
              id={id('description')}
              label="clearinghouse.translation.description"
              optional
              maxlength={20_000}
              rows={4}
              value={form.values[name('description')]}
            />
          </fieldset>
        );
      })}
    </fieldset>
  );
}

function Field(props: { lang: Language; def: FieldDef; form: FormState; vocab: Vocabulary; organisations: readonly Choice[] }) {
  const { lang, def, form } = props;
  const values = form.values;
  const common = { lang, name: def.name, label: def.label, optional: def.optional, hint: def.hint, error: errorOf(form, def.name) };
  const control = def.control;
  switch (control.kind) {
    case 'text':
      return (
        <TextField {...common} type={control.type ?? 'text'} autocomplete="off" maxlength={control.maxlength} value={values[def.name]} />
      );
    case 'textarea':
      return <TextareaField {...common} maxlength={control.maxlength} rows={control.maxlength > 1000 ? 6 : 3} value={values[def.name]} />;
    case 'select': {
      const options = choices(lang, props.vocab, control.from, props.organisations);
      return (
        <SelectField {...common} options={[{ value: '', label: t(lang, 'capacity.form.choose') }, ...options]} value={values[def.name]} />
      );
    }
    case 'checks':
      if (control.from === 'digcomp') return <DigcompChecks lang={lang} def={def} vocab={props.vocab} form={form} />;
      return <Checks lang={lang} def={def} form={form} options={choices(lang, props.vocab, control.from, props.organisations)} />;
    case 'translations':
      return <Translations lang={lang} def={def} form={form} />;
    case 'codes':
      return <TextField {...common} autocomplete="off" maxlength={2000} value={values[def.name]} />;
    case 'number':
      return <TextField {...common} autocomplete="off" inputmode="numeric" maxlength={20} value={values[def.name]} />;
    case 'date':
      return (
        <TextField
          {...common}
          hint="capacity.hint.date"
          autocomplete="off"
          maxlength={10}
          placeholder="YYYY-MM-DD"
          value={values[def.name]}
        />
      );
    case 'bool':
      return (
        <div class="field check">
          <input type="checkbox" id={def.name} name={def.name} checked={values[def.name] === 'on'} />
          <label for={def.name}>{t(lang, def.label)}</label>
        </div>
      );
    case 'money': {
      const error = errorOf(form, def.name) ?? (def.name === 'pledgeAmount' ? errorOf(form, 'pledge') : undefined);
      return (
        <fieldset class={error ? 'field invalid' : 'field'}>
          <legend>
            {t(lang, def.label)}
            {def.optional ? <span class="optional"> {t(lang, 'forms.optional')}</span> : null}
          </legend>
          {def.hint ? <p class="hint">{t(lang, def.hint)}</p> : null}
          {error ? <p class="error">{t(lang, error.key, error.params ?? {})}</p> : null}
          <div class="money">
            <div>
              <label for={fieldId(def)}>{t(lang, 'capacity.field.amount')}</label>
              <input
                id={fieldId(def)}
                name={`${def.name}.amount`}
                inputmode="decimal"
                maxlength={20}
                value={values[`${def.name}.amount`]}
              />
            </div>
            <div>
              <label for={`${def.name}-currency`}>{t(lang, 'capacity.field.currency')}</label>
              <input
                id={`${def.name}-currency`}
                name={`${def.name}.currency`}
                maxlength={3}
                size={4}
                autocomplete="off"
                placeholder="USD"
                value={values[`${def.name}.currency`]}
              />
            </div>
          </div>
        </fieldset>
      );
    }
  }
}

function StaleNotice(props: { lang: Language; fields: readonly FieldDef[]; stale: NonNullable<FormPageProps['stale']> }) {
  const { lang, stale } = props;
  const labelOf = (field: string) => {
    const def = props.fields.find((d) => d.name === field);
    return def ? t(lang, def.label) : field;
  };
  return (
    <section class="stale" aria-labelledby="stale-title">
      <h2 id="stale-title">{t(lang, 'capacity.stale.title')}</h2>
      <p>{t(lang, 'capacity.stale.lead', { version: stale.version })}</p>
      {stale.changes.length > 0 ? (
        <dl class="facts">
          {stale.changes.map((change) => (
            <>
              <dt>{labelOf(change.field)}</dt>
              <dd>{change.current}</dd>
            </>
          ))}
        </dl>
      ) : null}
      <p>{t(lang, 'capacity.stale.again')}</p>
    </section>
  );
}

export function RecordFormPage(props: FormPageProps) {
  const { ctx, form } = props;
  const lang = ctx.lang;
  const organisations = props.organisations ?? [];
  return (
    <Layout ctx={ctx} title={props.title} hasErrors={hasErrors(form)}>
      <h1>{props.title}</h1>
      {props.lead ? <p class="lead">{props.lead}</p> : null}
      {props.stale ? <StaleNotice lang={lang} fields={props.fields} stale={props.stale} /> : null}
      <ErrorSummary lang={lang} errors={form.errors} />
      <Form action={props.action} token={props.token}>
        {props.version !== undefined ? <input type="hidden" name="version" value={String(props.version)} /> : null}
        {props.organisations ? (
          <SelectField
            lang={lang}
            name="organisation"
            label="capacity.field.organisation"
            options={organisations}
            value={form.values['organisation']}
            error={errorOf(form, 'providerOrganisationId') ?? errorOf(form, 'requesterOrganisationId')}
          />
        ) : null}
        {props.fields.map((def) => (
          <Field lang={lang} def={def} form={form} vocab={props.vocab} organisations={organisations} />
        ))}
        <button type="submit">{t(lang, props.submit)}</button>
      </Form>
    </Layout>
  );
}
