/**
 * People for a project role, ranked and explained: the people feature draws the candidates the
 * asker may see (sharing a skill or a language with the role, at most 500), the scorer of
 * src/core/people/role-fit.ts scores each on what is shown to the asker, and every score component
 * is explained in the reader's language. The scorer is a stand-in for the platform's matching
 * engine (src/core/matching, being built): it has its shape — a score from 0 to 1 and entries of
 * `{ component, points, text }` — so swapping it is a change of this one module.
 */
import {
  roleFit,
  type CompetenceSkill,
  type Explanation,
  type LanguageSkill,
  type Proficiency,
  type LanguageLevel,
} from '../../core/people/index.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import { authorise } from '../../http/authorise.js';
import { t, type MessageKey } from '../../i18n/i18n.js';
import { pick, type Language } from '../../shared/localised.js';
import { candidatePool, peopleVocabulary, type PeopleVocabulary } from '../people/index.js';
import { activityOf } from './record.js';
import * as repo from './repository.js';
import type { CandidatePage } from './schemas.js';
import { readableProject, resourceOf, type Asker } from './support.js';

function skillName(vocab: PeopleVocabulary, token: string, lang: Language): string {
  const [kind, code = ''] = token.split(/:(.*)/s);
  if (kind === 'topic') return pick(vocab.topics.get(code), lang) || code;
  if (kind === 'digcomp') return `${code} ${vocab.digcomp.get(code)?.title ?? ''}`.trim();
  return vocab.esco.get(code) ?? code;
}

function explain(e: Explanation, lang: Language, vocab: PeopleVocabulary, role: { languages: readonly LanguageSkill[] }): string {
  const list = (items: string[]) => new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);
  const languageName = (code: string) => new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' }).of(code) ?? code;
  const withLevel = (code: string) => {
    const level = role.languages.find((l) => l.code === code)?.level;
    return level
      ? t(lang, 'people.languageWithLevel', { language: languageName(code), level: t(lang, `people.level.${level}` as MessageKey) })
      : languageName(code);
  };
  const parts: string[] = [];
  switch (e.component) {
    case 'skills':
    case 'languages': {
      const ns = e.component;
      const required = e.matched.length + e.partial.length + e.missing.length;
      if (required === 0) return t(lang, `projects.fit.${ns}.none`);
      if (e.hidden) return t(lang, `projects.fit.${ns}.hidden`);
      parts.push(t(lang, `projects.fit.${ns}.matched`, { required, matched: e.matched.length }));
      if (e.partial.length > 0) parts.push(t(lang, `projects.fit.${ns}.partial`, { count: e.partial.length }));
      const name = ns === 'skills' ? (token: string) => skillName(vocab, token, lang) : withLevel;
      if (e.missing.length > 0) parts.push(t(lang, 'projects.fit.missing', { list: list(e.missing.map(name)) }));
      return parts.join('; ');
    }
    case 'availability':
      if (e.hidden) return t(lang, 'projects.fit.availability.hidden');
      if (e.offeredShare === null) return t(lang, 'projects.fit.availability.none');
      return t(lang, 'projects.fit.availability.covered', { share: e.offeredShare, covered: Math.round(e.coveredShare * 100) });
    case 'dutyStation': {
      if (e.closeness === 'none')
        return e.iso3 === null && e.points === 0
          ? t(lang, 'projects.fit.dutyStation.unknown')
          : t(lang, 'projects.fit.dutyStation.anywhere');
      const country = pick(vocab.countries.get(e.iso3 ?? '')?.names, lang) || (e.iso3 ?? '');
      return t(lang, `projects.fit.dutyStation.${e.closeness}`, { country });
    }
  }
}

/**
 * @example await roleCandidates(db, { actor }, projectId, roleId, { limit: 10 }, 'fr')
 */
export async function roleCandidates(
  db: Db,
  asker: Asker,
  projectId: string,
  roleId: string,
  query: { limit: number },
  lang: Language,
): Promise<CandidatePage> {
  const { actor } = asker;
  const project = await readableProject(db, actor, projectId, 'write');
  const resource = await resourceOf(db, project);
  authorise(actor, 'find-candidates', resource);
  const role = await repo.findRole(db, projectId, roleId);
  if (!role) throw new AppError('not-found', `No role with id "${roleId}" in this project`);
  const digcomp: CompetenceSkill[] = role.digcomp.map((c) => ({ code: c.code, level: c.level as Proficiency }));
  const languages: LanguageSkill[] = role.languages.map((l) => ({ code: l.code, level: l.level as LanguageLevel }));
  const vocab = await peopleVocabulary(db);
  const pool = await candidatePool(db, actor, { topics: role.topics, digcomp, esco: role.esco, languages, exclude: resource.teamUserIds });
  const activity = activityOf(project);
  const requirements = {
    topics: role.topics,
    digcomp,
    esco: role.esco,
    languages,
    timeShare: role.time_share,
    from: role.start_date ?? project.start_date,
    to: role.end_date ?? project.end_date,
    countries: activity.recipientCountries.map((c) => c.iso3),
  };
  const placeOf = (iso3: string) => {
    const place = vocab.countries.get(iso3);
    return place ? { subRegion: place.subRegion, region: place.region } : undefined;
  };
  const today = new Date().toISOString().slice(0, 10);
  const ranked = pool
    .map((candidate) => ({ candidate, fit: roleFit(requirements, candidate.facts, placeOf, today) }))
    .toSorted(
      (a, b) =>
        b.fit.score - a.fit.score ||
        a.candidate.person.name.localeCompare(b.candidate.person.name) ||
        a.candidate.person.id.localeCompare(b.candidate.person.id),
    )
    .slice(0, query.limit);
  return {
    data: ranked.map(({ candidate, fit }) => ({
      person: candidate.person,
      score: fit.score,
      explanation: fit.explanation.map((e) => ({ component: e.component, points: e.points, text: explain(e, lang, vocab, { languages }) })),
    })),
    considered: pool.length,
    method: t(lang, 'projects.candidates.method', { count: pool.length }),
  };
}
