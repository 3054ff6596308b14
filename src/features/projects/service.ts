/**
 * Use cases of one project: create, read, edit. Each takes who asks, asks the policy, checks the
 * fields (vocabulary, organisations, linked needs and offerings, dates in order), writes the
 * activity and what is derived from it in one transaction with a revision of the saved version,
 * and records the change in the audit log in that same transaction.
 */
import { randomUUID } from 'node:crypto';
import { isCurrencyCode } from '../../core/capacity/plausibility.js';
import { validateProject, type Project as Activity } from '../../core/projects/index.js';
import { type Actor, userIdOf } from '../../core/policy/actor.js';
import type { Db, WriteTx } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import { authorise } from '../../http/authorise.js';
import { lexiconWords, rememberWords } from '../../platform/search/index.js';
import { recordAudit } from '../audit/index.js';
import { peopleCards, peopleVocabulary, vocabularyProblems, type PeopleVocabulary } from '../people/index.js';
import { applyEdit, newActivity, type ActivityEdit, type OrganisationFacts, type ProjectFields } from './activity.js';
import { presentMember, presentProject, presentProjectSummary, revisionSnapshot } from './presenters.js';
import { PROJECTS_CORPUS, activityOf, projectColumns, projectTexts, type ProjectRow } from './record.js';
import * as repo from './repository.js';
import type { Project, ProjectInput, ProjectPatch } from './schemas.js';
import { invalid, linkProblems, readableProject, relatedOf, resourceOf, staleVersion, type Asker, type PathProblem } from './support.js';

interface CheckedFields {
  readonly topics?: readonly string[];
  readonly countries?: readonly string[];
  readonly dates?: Partial<Activity['dates']>;
  readonly budget?: { amount: number; currency: string } | null;
  readonly partners?: readonly { organisationId: string }[];
}

/** Problems of the fields given: codes in the vocabulary, dates in order, a budget with its period. */
function fieldProblems(fields: CheckedFields, vocab: PeopleVocabulary, dates: Activity['dates'], lead: string): PathProblem[] {
  const problems: PathProblem[] = vocabularyProblems(
    vocab,
    { topics: fields.topics, countries: fields.countries },
    { competencesOnly: false },
  );
  const order = (start: 'plannedStart' | 'actualStart', end: 'plannedEnd' | 'actualEnd') => {
    const s = dates[start];
    const e = dates[end];
    if (s && e && e < s) problems.push({ path: ['dates', end], message: `ends (${e}) before it starts (${s})` });
  };
  order('plannedStart', 'plannedEnd');
  order('actualStart', 'actualEnd');
  if (fields.budget) {
    if (!isCurrencyCode(fields.budget.currency))
      problems.push({ path: ['budget', 'currency'], message: `"${fields.budget.currency}" is not an ISO 4217 currency in use` });
    if (!(dates.plannedStart ?? dates.actualStart) || !(dates.plannedEnd ?? dates.actualEnd))
      problems.push({ path: ['budget'], message: 'a budget covers the project’s period: give its start and end dates' });
  }
  fields.partners?.forEach((p, i) => {
    if (p.organisationId === lead) problems.push({ path: ['partners', i, 'organisationId'], message: 'is the lead organisation' });
  });
  return problems;
}

/** The organisations named, or problems for those that do not exist. */
async function organisations(db: Db, lead: string, partners: readonly { organisationId: string }[]) {
  const facts = await repo.organisationFacts(db, [lead, ...partners.map((p) => p.organisationId)]);
  const problems: PathProblem[] = partners.flatMap((p, i) =>
    facts.has(p.organisationId)
      ? []
      : [{ path: ['partners', i, 'organisationId'], message: `no organisation with id "${p.organisationId}"` }],
  );
  return { facts, problems };
}

function topicNames(vocab: PeopleVocabulary, codes: readonly string[]) {
  return codes.map((code) => ({ code, name: vocab.topics.get(code)?.en ?? code }));
}

function checkActivity(activity: Activity): void {
  const issues = validateProject(activity);
  if (issues.length > 0) throw invalid(issues.map((i) => ({ path: i.path.split('.'), message: i.message })));
}

async function identifierTaken(db: Db | WriteTx, identifier: string, except?: string): Promise<boolean> {
  const found = await repo.findProjectByIdentifier(db, identifier);
  return found !== undefined && found.id !== except;
}

/** Saves the revision of the row as it now is (after an insert or update in `tx`). */
async function keepRevision(tx: WriteTx, id: string, source: 'platform' | 'iati-import', changedBy: string | null): Promise<ProjectRow> {
  const row = (await repo.findProject(tx, id))!;
  await repo.insertRevision(tx, {
    projectId: id,
    version: row.version,
    source,
    snapshot: revisionSnapshot(row),
    changedBy,
  });
  await rememberWords(tx, PROJECTS_CORPUS, lexiconWords(projectTexts(activityOf(row))));
  return row;
}

/**
 * A lead organisation's editor starts a project.
 * @example await createProject(db, { actor }, { leadOrganisationId, language: 'en', title: 'Connecting rural schools', … })
 */
export async function createProject(db: Db, asker: Asker, input: ProjectInput, lang = 'en'): Promise<Project> {
  const { actor, requestId } = asker;
  authorise(actor, 'create', {
    type: 'project',
    ownerOrganisationId: input.leadOrganisationId,
    partnerOrganisationIds: [],
    teamUserIds: [],
    visibility: input.visibility,
  });
  const vocab = await peopleVocabulary(db);
  const dates = { plannedStart: null, actualStart: null, plannedEnd: null, actualEnd: null, ...input.dates };
  const { facts, problems } = await organisations(db, input.leadOrganisationId, input.partners);
  problems.push(...fieldProblems(input, vocab, dates, input.leadOrganisationId));
  problems.push(...(await linkProblems(db, actor, { needs: input.relatedNeeds, offerings: input.relatedOfferings })));
  const lead = facts.get(input.leadOrganisationId);
  if (!lead) problems.unshift({ path: ['leadOrganisationId'], message: `no organisation with id "${input.leadOrganisationId}"` });
  if (problems.length > 0 || !lead) throw invalid(problems);
  const id = randomUUID();
  const identifier = input.iatiIdentifier ?? `${lead.ref}-${id}`;
  const fields: ProjectFields = {
    language: input.language,
    title: input.title,
    description: input.description,
    partners: input.partners.map((p) => ({ organisation: facts.get(p.organisationId)!, role: p.role })),
    countries: input.countries,
    sdgs: input.sdgs,
    topics: topicNames(vocab, input.topics),
    dates,
    status: input.status,
    budget: input.budget,
  };
  const activity = newActivity(identifier, lead, fields, new Date());
  checkActivity(activity);
  const row = await db.transaction().execute(async (tx) => {
    const saved = await insertPlatformProject(tx, { id, lead, activity, input, vocab, createdBy: userIdOf(actor), demo: false });
    await recordAudit(tx, {
      actor,
      action: 'project.create',
      resourceType: 'project',
      resourceId: id,
      after: presentProjectSummary(saved, 'en'),
      requestId,
    });
    return saved;
  });
  return getProjectOf(db, actor, row, lang);
}

/**
 * Writes a project made on the platform (the API and the demo data): the row with its activity,
 * partners, links and first revision, in the caller's transaction. Policy and audit are the caller's.
 */
export async function insertPlatformProject(
  tx: WriteTx,
  project: {
    id: string;
    lead: OrganisationFacts;
    activity: Activity;
    input: Pick<ProjectInput, 'visibility' | 'language' | 'partners' | 'relatedNeeds' | 'relatedOfferings'>;
    vocab: PeopleVocabulary;
    createdBy: string | null;
    demo: boolean;
  },
): Promise<ProjectRow> {
  const { id, lead, activity, input, vocab } = project;
  if (await identifierTaken(tx, activity.iatiIdentifier)) throw identifierConflict(activity.iatiIdentifier);
  await tx
    .insertInto('projects')
    .values({
      id,
      lead_organisation_id: lead.id,
      origin: 'platform',
      visibility: input.visibility,
      language: input.language,
      created_by: project.createdBy,
      demo: project.demo,
      ...projectColumns(activity, input.language, vocab),
    })
    .execute();
  await repo.replacePartners(tx, id, input.partners);
  await repo.replaceLinks(tx, id, 'need', input.relatedNeeds);
  await repo.replaceLinks(tx, id, 'offering', input.relatedOfferings);
  return keepRevision(tx, id, 'platform', project.createdBy);
}

function identifierConflict(identifier: string): AppError {
  return new AppError('conflict', `Another project has the IATI identifier "${identifier}"`, [
    { field: 'body.iatiIdentifier', message: 'is taken' },
  ]);
}

/** A project with its partners, roles, the team members the actor may see and the linked records they may read. */
async function getProjectOf(db: Db, actor: Actor, row: ProjectRow, lang: string): Promise<Project> {
  const [partners, roles, team, links] = await Promise.all([
    repo.partnersOf(db, [row.id]),
    repo.rolesOf(db, row.id),
    repo.teamOf(db, row.id),
    repo.linksOf(db, row.id),
  ]);
  const cards = await peopleCards(
    db,
    actor,
    team.map((m) => m.user_id),
  );
  const members = team.flatMap((m) => {
    const card = cards.get(m.user_id);
    return card ? [presentMember(card, m)] : [];
  });
  return presentProject(
    row,
    {
      partners: partners.get(row.id) ?? [],
      roles,
      team: { members, others: team.length - members.length },
      related: await relatedOf(db, actor, links),
    },
    lang,
  );
}

export async function getProject(db: Db, actor: Actor, id: string, lang = 'en'): Promise<Project> {
  return getProjectOf(db, actor, await readableProject(db, actor, id, 'read'), lang);
}

/**
 * Changes a project (its lead's editors): the activity takes the edit, the derived columns follow.
 * `patch.version` must be the stored version, else 409 with what changed since.
 */
export async function updateProject(db: Db, asker: Asker, id: string, patch: ProjectPatch, lang = 'en'): Promise<Project> {
  const { actor, requestId } = asker;
  const row = await readableProject(db, actor, id, 'write');
  authorise(actor, 'update', await resourceOf(db, row));
  if (patch.version !== row.version) throw await staleVersion(db, id, patch.version, revisionSnapshot(row));
  if (patch.iatiIdentifier !== undefined && patch.iatiIdentifier !== row.iati_identifier && row.origin === 'iati') {
    throw invalid([{ path: ['iatiIdentifier'], message: 'a project imported from IATI keeps its identifier: its publisher owns it' }]);
  }
  const vocab = await peopleVocabulary(db);
  const activity = activityOf(row);
  const dates = { ...activity.dates, ...patch.dates };
  const before = (await repo.partnersOf(db, [id])).get(id) ?? [];
  const { facts, problems } = await organisations(db, row.lead_organisation_id, patch.partners ?? []);
  problems.push(...fieldProblems(patch, vocab, dates, row.lead_organisation_id));
  problems.push(...(await linkProblems(db, actor, { needs: patch.relatedNeeds, offerings: patch.relatedOfferings })));
  if (problems.length > 0) throw invalid(problems);
  const beforeFacts = await repo.organisationFacts(
    db,
    before.map((p) => p.id),
  );
  const edit: ActivityEdit = {
    language: patch.language ?? row.language,
    ...(patch.title !== undefined ? { title: patch.title } : {}),
    ...(patch.description !== undefined ? { description: patch.description } : {}),
    ...(patch.partners
      ? {
          partners: {
            before: [...beforeFacts.values()] as OrganisationFacts[],
            after: patch.partners.map((p) => ({ organisation: facts.get(p.organisationId)!, role: p.role })),
          },
        }
      : {}),
    ...(patch.countries ? { countries: patch.countries } : {}),
    ...(patch.sdgs ? { sdgs: patch.sdgs } : {}),
    ...(patch.topics ? { topics: topicNames(vocab, patch.topics) } : {}),
    ...(patch.dates ? { dates: patch.dates } : {}),
    ...(patch.status ? { status: patch.status } : {}),
    ...(patch.budget !== undefined ? { budget: patch.budget } : {}),
    ...(patch.iatiIdentifier !== undefined ? { iatiIdentifier: patch.iatiIdentifier } : {}),
  };
  const next = applyEdit(activity, edit, new Date());
  checkActivity(next);
  const saved = await db.transaction().execute(async (tx) => {
    const current = await repo.lockProject(tx, id);
    if (!current) throw new AppError('not-found', `No project with id "${id}"`);
    if (current.version !== patch.version) throw await staleVersion(db, id, patch.version, revisionSnapshot(current));
    if (patch.iatiIdentifier !== undefined && (await identifierTaken(tx, patch.iatiIdentifier, id)))
      throw identifierConflict(patch.iatiIdentifier);
    const changed = await repo.updateProject(tx, id, current.version, {
      ...projectColumns(next, current.language, vocab),
      ...(patch.visibility ? { visibility: patch.visibility } : {}),
    });
    if (!changed) throw await staleVersion(db, id, patch.version, revisionSnapshot(current));
    if (patch.partners) await repo.replacePartners(tx, id, patch.partners);
    if (patch.relatedNeeds) await repo.replaceLinks(tx, id, 'need', patch.relatedNeeds);
    if (patch.relatedOfferings) await repo.replaceLinks(tx, id, 'offering', patch.relatedOfferings);
    const after = await keepRevision(tx, id, 'platform', userIdOf(actor));
    await recordAudit(tx, {
      actor,
      action: 'project.update',
      resourceType: 'project',
      resourceId: id,
      before: presentProjectSummary(current, 'en'),
      after: presentProjectSummary(after, 'en'),
      requestId,
    });
    return after;
  });
  return getProjectOf(db, actor, saved, lang);
}

export { keepRevision, topicNames };
