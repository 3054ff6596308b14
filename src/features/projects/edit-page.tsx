/**
 * /projects/{id}/edit: a project's main facts as one form (the text in the project's language,
 * status, planned dates, countries, goals, topics, budget, who sees it), for those the policy lets
 * update it. It saves through `PATCH /api/v1/projects/{id}`'s schema and service with the version
 * it read: a change made meanwhile by someone else is shown (409), never silently overwritten.
 */
import { t, type MessageKey } from '../../i18n/i18n.js';
import {
  ErrorSummary,
  errorOf,
  Form,
  hasErrors,
  SelectField,
  TextareaField,
  TextField,
  type FormState,
  type FormToken,
} from '../../platform/forms/index.js';
import { Layout, type PageContext } from '../../web/layout.js';
import type { Namer } from '../people/index.js';
import { PROJECT_STATUSES } from './schemas.js';
import { updateLanguages } from './work-forms.js';

export function ProjectEditPage(props: {
  ctx: PageContext;
  token: FormToken;
  projectId: string;
  projectTitle: string;
  projectLanguage: string;
  form: FormState;
  names: Namer;
}) {
  const { ctx, form } = props;
  const lang = ctx.lang;
  const title = t(lang, 'projects.edit.heading', { title: props.projectTitle });
  const v = (name: string) => form.values[name];
  return (
    <Layout ctx={ctx} title={title} hasErrors={hasErrors(form)}>
      <p>
        <a href={`/projects/${props.projectId}`}>{t(lang, 'projects.edit.back')}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{t(lang, 'projects.edit.lead')}</p>
      <ErrorSummary lang={lang} errors={form.errors} />
      <Form action={`/projects/${props.projectId}/edit`} token={props.token}>
        <input type="hidden" name="version" value={v('version')} />
        <SelectField
          lang={lang}
          name="language"
          label="projects.edit.language"
          options={updateLanguages(props.names, props.projectLanguage)}
          value={v('language')}
          error={errorOf(form, 'language')}
        />
        <TextField
          lang={lang}
          name="title"
          label="projects.edit.titleField"
          autocomplete="off"
          maxlength={300}
          value={v('title')}
          error={errorOf(form, 'title')}
        />
        <TextareaField
          lang={lang}
          name="description"
          label="projects.edit.description"
          optional
          rows={8}
          maxlength={20000}
          value={v('description')}
          error={errorOf(form, 'description')}
        />
        <SelectField
          lang={lang}
          name="status"
          label="projects.page.status"
          options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(lang, `projects.status.${s}` as MessageKey) }))}
          value={v('status')}
          error={errorOf(form, 'status')}
        />
        <TextField
          lang={lang}
          name="plannedStart"
          label="projects.edit.plannedStart"
          hint="projects.updates.dateHint"
          optional
          autocomplete="off"
          inputmode="numeric"
          maxlength={10}
          value={v('plannedStart')}
          error={errorOf(form, 'dates')}
        />
        <TextField
          lang={lang}
          name="plannedEnd"
          label="projects.edit.plannedEnd"
          optional
          autocomplete="off"
          inputmode="numeric"
          maxlength={10}
          value={v('plannedEnd')}
        />
        <TextField
          lang={lang}
          name="countries"
          label="projects.page.country"
          hint="projects.edit.countriesHint"
          optional
          autocomplete="off"
          maxlength={400}
          value={v('countries')}
          error={errorOf(form, 'countries')}
        />
        <TextField
          lang={lang}
          name="sdgs"
          label="projects.page.sdgs"
          hint="projects.edit.sdgsHint"
          optional
          autocomplete="off"
          maxlength={100}
          value={v('sdgs')}
          error={errorOf(form, 'sdgs')}
        />
        <TextField
          lang={lang}
          name="topics"
          label="people.form.topics"
          hint="projects.edit.topicsHint"
          optional
          autocomplete="off"
          maxlength={700}
          value={v('topics')}
          error={errorOf(form, 'topics')}
        />
        <TextField
          lang={lang}
          name="budgetAmount"
          label="projects.edit.budgetAmount"
          hint="projects.edit.budgetHint"
          optional
          autocomplete="off"
          inputmode="numeric"
          maxlength={20}
          value={v('budgetAmount')}
          error={errorOf(form, 'budget')}
        />
        <TextField
          lang={lang}
          name="budgetCurrency"
          label="projects.edit.budgetCurrency"
          optional
          autocomplete="off"
          maxlength={3}
          value={v('budgetCurrency')}
        />
        <SelectField
          lang={lang}
          name="visibility"
          label="projects.edit.visibility"
          options={(['public', 'members'] as const).map((value) => ({ value, label: t(lang, `projects.edit.visibility.${value}`) }))}
          value={v('visibility')}
          error={errorOf(form, 'visibility')}
        />
        <button type="submit">{t(lang, 'projects.edit.save')}</button>
      </Form>
    </Layout>
  );
}
