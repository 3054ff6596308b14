/**
 * HTML routes of the people feature: /people (the expert finder, a GET form), /people/{id} and
 * /me/profile (the person's own profile through the forms stage, and its deletion). They call the
 * same services as the API, so visibility, consent and validation are the API's.
 */
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError } from '../../http/app-error.js';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { actorOf } from '../../http/authorise.js';
import { t } from '../../i18n/i18n.js';
import { formToken, freshForm, handleForm, withError, type FormError, type FormState } from '../../platform/forms/index.js';
import { pick } from '../../shared/localised.js';
import type { NavEntry } from '../../web/navigation.js';
import { pageContext } from '../../web/page-context.js';
import { renderPage } from '../../web/render.js';
import { searchPeople } from './finder.js';
import { PeopleQuerySchema } from './finder-schemas.js';
import { PROFILE_FORM, postedOf } from './form-schemas.js';
import { namer } from './page-parts.js';
import { FinderPage, PersonPage, ProfileFormPage, type FinderFilters } from './pages.js';
import { PROFILE_NOTICE } from './presenters.js';
import { filterErrors, refusalOf, type FilterField } from './query-errors.js';
import { PersonParamsSchema } from './schemas.js';
import * as service from './service.js';
import { peopleVocabulary } from './vocabulary.js';

type C = Context<AppEnv>;

/** The people finder's entry in the main navigation. */
export const peopleNav: NavEntry = { href: '/people', label: 'people.nav' };

const asker = (c: C) => ({ actor: actorOf(c), requestId: c.get('requestId') });

function filtersOf(c: C): FinderFilters {
  // Taken whole: a value too long is refused with the field named (the API's schema), never cut short and searched.
  const q = (name: string) => c.req.query(name) ?? '';
  return {
    q: q('q'),
    topics: q('topics'),
    digcomp: q('digcomp'),
    language: q('language'),
    level: q('level'),
    country: q('country').trim(),
    availableFrom: q('availableFrom'),
    minShare: q('minShare'),
  };
}

/** The page's filters as the API's query (blank fields left out; language and level as `fr:B2`). */
const present = (v: string) => (v.trim() === '' ? undefined : v.trim());

function apiQuery(filters: FinderFilters, cursor: string | undefined) {
  return {
    q: present(filters.q),
    topics: present(filters.topics),
    digcomp: present(filters.digcomp),
    languages: present(filters.language) ? `${filters.language}${present(filters.level) ? `:${filters.level}` : ''}` : undefined,
    country: present(filters.country),
    availableFrom: present(filters.availableFrom),
    minShare: present(filters.minShare),
    cursor,
    limit: '20',
  };
}

/** The finder's fields by the API parameter they fill: where a refusal is shown and what it says. */
const FINDER_FIELDS: Readonly<Record<string, FilterField>> = {
  q: { id: 'q', label: 'people.finder.q', message: 'people.finder.error.q' },
  topics: { id: 'topics', label: 'people.form.topics', message: 'people.finder.error.topics' },
  digcomp: { id: 'digcomp', label: 'people.finder.digcomp', message: 'people.finder.error.digcomp' },
  languages: { id: 'language', label: 'people.finder.language', message: 'people.finder.error.language' },
  country: { id: 'country', label: 'people.finder.country', message: 'people.finder.error.country' },
  availableFrom: { id: 'availableFrom', label: 'people.finder.availableFrom', message: 'people.finder.error.availableFrom' },
  minShare: { id: 'minShare', label: 'people.finder.minShare', message: 'people.finder.error.minShare' },
};

const levelWithoutLanguage: FormError = {
  field: 'level',
  id: 'level',
  label: 'people.finder.level',
  message: { key: 'people.finder.error.level' },
};

/** Sends a visitor who is not signed in to sign in first, to come back here. */
const signInFirst = (c: C) =>
  actorOf(c).kind === 'anonymous' ? c.redirect(`/sign-in?next=${encodeURIComponent(c.req.path)}`, 303) : undefined;

export function peoplePages({ db }: Deps) {
  async function vocabularyChoices(lang: Parameters<typeof t>[0]) {
    const vocab = await peopleVocabulary(db);
    const names = namer(lang, vocab);
    const collator = new Intl.Collator(lang);
    const topics = [...vocab.topics.keys()]
      .map((code) => ({ value: code, label: names.topic(code) }))
      .toSorted((a, b) => collator.compare(a.label, b.label));
    const competences = [...vocab.digcomp]
      .filter(([, term]) => term.area !== null)
      .map(([code]) => ({ value: code, label: names.digcomp(code) }))
      .toSorted((a, b) => a.value.localeCompare(b.value, 'en', { numeric: true }));
    const countries = [...vocab.countries.values()]
      .map((p) => ({ value: p.iso3, label: pick(p.names, lang) || p.iso3 }))
      .toSorted((a, b) => collator.compare(a.label, b.label));
    return { vocab, names, topics, competences, countries };
  }

  async function showProfile(c: C, form: FormState | undefined, status: ContentfulStatusCode) {
    const ctx = pageContext(c);
    const profile = await service.getMyProfile(db, actorOf(c)).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not-found') return undefined;
      throw error;
    });
    const choices = await vocabularyChoices(ctx.lang);
    const page = (
      <ProfileFormPage
        ctx={ctx}
        token={formToken(c)}
        form={form ?? freshForm(postedOf(profile))}
        profile={profile}
        consentNeeded={!profile?.consent.current}
        noticeVersion={PROFILE_NOTICE.version}
        names={choices.names}
        topics={choices.topics}
        competences={choices.competences}
        countries={choices.countries}
        saved={c.req.query('saved') === '1'}
      />
    );
    return renderPage(c, page, status);
  }

  return new Hono<AppEnv>()
    .get('/people', async (c) => {
      const ctx = pageContext(c);
      const filters = filtersOf(c);
      const { names, topics } = await vocabularyChoices(ctx.lang);
      const parsed = PeopleQuerySchema.safeParse(apiQuery(filters, c.req.query('cursor')));
      let errors: FormError[] = parsed.success ? [] : filterErrors(parsed.error, FINDER_FIELDS, 'people.finder.error.cursor');
      // A level says "at least this level of a language": without the language there is nothing to apply it to.
      if (present(filters.level) && !present(filters.language)) errors = [...errors, levelWithoutLanguage];
      let page;
      if (errors.length === 0 && parsed.success) {
        page = await searchPeople(db, actorOf(c), parsed.data).catch((error: unknown) => {
          errors = filterErrors(refusalOf(error), FINDER_FIELDS, 'people.finder.error.cursor');
          return undefined;
        });
      }
      const html = <FinderPage ctx={ctx} filters={filters} page={page} errors={errors} names={names} topics={topics} />;
      return renderPage(c, html, errors.length > 0 ? 400 : 200);
    })
    .get('/people/:id', async (c) => {
      const parsed = PersonParamsSchema.safeParse({ id: c.req.param('id') });
      if (!parsed.success) throw new AppError('not-found', `Nothing at ${c.req.path}`);
      const actor = actorOf(c);
      const person = await service.getPerson(db, actor, parsed.data.id);
      const ctx = pageContext(c);
      const { names } = await vocabularyChoices(ctx.lang);
      const isSelf = actor.kind === 'user' && actor.userId === person.id;
      return renderPage(c, <PersonPage ctx={ctx} person={person} names={names} isSelf={isSelf} />);
    })
    .get('/me/profile', async (c) => signInFirst(c) ?? showProfile(c, undefined, 200))
    .post('/me/profile', async (c) => {
      const redirect = signInFirst(c);
      if (redirect) return redirect;
      return handleForm(c, {
        spec: PROFILE_FORM,
        render: (form, status) => showProfile(c, form, status),
        refusals: [{ code: 'conflict', show: '', message: 'people.profile.stale' }],
        run: async (input, posted) => {
          try {
            await service.saveMyProfile(db, asker(c), input);
          } catch (error) {
            if (!(error instanceof AppError) || error.code !== 'validation-failed') throw error;
            // The vocabulary's and the consent's refusals, shown on the field they name (body.<field>…).
            let state: FormState = { values: posted, errors: [] };
            for (const f of error.fields) {
              const field = f.field.split('.')[1] ?? '';
              const known = field in PROFILE_FORM.fields ? field : '';
              state = withError(state, PROFILE_FORM, known, {
                key: known === 'consentToNotice' ? 'people.form.consentNeeded' : 'forms.error.invalid',
              });
            }
            return showProfile(c, state, 400);
          }
          return c.redirect('/me/profile?saved=1', 303);
        },
      });
    })
    .post('/me/profile/delete', async (c) => {
      const redirect = signInFirst(c);
      if (redirect) return redirect;
      await service.deleteMyProfile(db, asker(c));
      return c.redirect('/me/profile', 303);
    });
}
