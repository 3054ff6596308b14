/**
 * Use cases of one profile: the person reads, saves (with a version: 409 when stale) and deletes
 * their own; anyone reads the parts of someone's profile shown to them. Saving records the
 * person's consent to the profile notice (when, which version) the first time and whenever the
 * notice changed, and rebuilds the person's finder rows in the same transaction. The audit log
 * records that a profile changed and its visibility, never its content (data minimisation).
 */
import type { Actor } from '../../core/policy/actor.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import { authorise, requireUser } from '../../http/authorise.js';
import { recordAudit } from '../audit/index.js';
import { raisedLevel, type ProfilePart } from '../../core/people/index.js';
import { columnsOf, fieldsOfInput, fieldsOfRow } from './record.js';
import * as repo from './repository.js';
import { PROFILE_NOTICE, presentOwnProfile, presentPerson } from './presenters.js';
import { ProfileInputSchema, type OwnProfile, type Person, type ProfileInput } from './schemas.js';
import { deleteSearchRows, writeSearchRows } from './search-rows.js';
import { partsVisibleTo } from './viewer.js';
import { peopleVocabulary, vocabularyProblems } from './vocabulary.js';

export interface Asker {
  readonly actor: Actor;
  readonly requestId?: string | null;
}

function invalid(problems: readonly { path: readonly (string | number)[]; message: string }[]): AppError {
  const fields = problems.map((p) => ({ field: ['body', ...p.path.map(String)].join('.'), message: p.message }));
  return new AppError('validation-failed', `${fields[0]!.field}: ${fields[0]!.message}`, fields);
}

/** True when the person's latest consent event is agreement to the current notice. */
function consentCurrent(consents: readonly repo.ConsentRow[]): boolean {
  const last = consents.at(-1);
  return last?.event === 'given' && last.noticeVersion === PROFILE_NOTICE.version;
}

export async function getMyProfile(db: Db, actor: Actor): Promise<OwnProfile> {
  const { userId } = requireUser(actor);
  authorise(actor, 'read', { type: 'profile', userId });
  const row = await repo.findProfile(db, userId);
  if (!row) throw new AppError('not-found', 'You have no profile yet: PUT /api/v1/me/profile with version 0 to create it');
  const [organisations, consents] = await Promise.all([repo.organisationsOfUsers(db, [userId]), repo.consentsOf(db, userId)]);
  return presentOwnProfile(row, organisations.get(userId) ?? [], consents);
}

/**
 * Creates (version 0) or replaces the person's profile.
 * @example await saveMyProfile(db, { actor }, { version: 0, consentToNotice: '2026-11-30', name: 'Amina Diallo', … })
 */
export async function saveMyProfile(db: Db, asker: Asker, input: ProfileInput): Promise<OwnProfile> {
  const { actor, requestId } = asker;
  const { userId } = requireUser(actor);
  authorise(actor, 'update', { type: 'profile', userId });
  const fields = fieldsOfInput(input);
  const vocab = await peopleVocabulary(db);
  const problems = vocabularyProblems(vocab, { ...fields, country: fields.dutyStation?.country ?? null }, { competencesOnly: true });
  if (input.consentToNotice !== undefined && input.consentToNotice !== PROFILE_NOTICE.version)
    problems.push({
      path: ['consentToNotice'],
      message: `the current profile notice is version ${PROFILE_NOTICE.version} (${PROFILE_NOTICE.url})`,
    });
  if (problems.length > 0) throw invalid(problems);
  const saved = await db.transaction().execute(async (tx) => {
    const current = await repo.lockProfile(tx, userId);
    const consents = await repo.consentsOf(tx, userId);
    const agreesNow = input.consentToNotice === PROFILE_NOTICE.version;
    if (!consentCurrent(consents) && !agreesNow) {
      throw invalid([
        {
          path: ['consentToNotice'],
          message: `agree to the profile notice version ${PROFILE_NOTICE.version} (${PROFILE_NOTICE.url}) by sending it here`,
        },
      ]);
    }
    let row;
    if (input.version === 0) {
      if (current) throw stale(current.version, 0);
      row = await tx
        .insertInto('profiles')
        .values({ user_id: userId, ...columnsOf(fields) })
        .returningAll()
        .executeTakeFirstOrThrow();
    } else {
      if (!current)
        throw new AppError('conflict', 'You have no profile to update: send version 0 to create it', [], {}, { currentVersion: 0 });
      if (current.version !== input.version) throw stale(current.version, input.version);
      row = await repo.updateProfile(tx, userId, current.version, columnsOf(fields));
      if (!row) throw stale(current.version + 1, input.version);
    }
    if (agreesNow && !consentCurrent(consents)) await repo.recordConsent(tx, userId, PROFILE_NOTICE.version, 'given');
    await writeSearchRows(tx, [{ userId, fields, listedAt: row.created_at, demo: row.demo }], vocab);
    await recordAudit(tx, {
      actor,
      action: input.version === 0 ? 'profile.create' : 'profile.update',
      resourceType: 'profile',
      resourceId: userId,
      subjectId: userId,
      after: { version: row.version, visibility: fields.visibility },
      requestId,
    });
    return row;
  });
  const [organisations, consents] = await Promise.all([repo.organisationsOfUsers(db, [userId]), repo.consentsOf(db, userId)]);
  return presentOwnProfile(saved, organisations.get(userId) ?? [], consents);
}

function stale(currentVersion: number, sent: number): AppError {
  return new AppError(
    'conflict',
    `Your profile was saved as version ${currentVersion} after the version ${sent} you edited: reload it, apply your change and send the current version`,
    [{ field: 'body.version', message: `stale: the current version is ${currentVersion}` }],
    {},
    { currentVersion },
  );
}

/** Deletes the person's profile and withdraws their consent; they leave the finder and every candidate list at once. */
export async function deleteMyProfile(db: Db, asker: Asker): Promise<void> {
  const { actor, requestId } = asker;
  const { userId } = requireUser(actor);
  authorise(actor, 'delete', { type: 'profile', userId });
  await db.transaction().execute(async (tx) => {
    const current = await repo.lockProfile(tx, userId);
    if (!current) throw new AppError('not-found', 'You have no profile');
    await deleteSearchRows(tx, userId);
    await repo.deleteProfile(tx, userId);
    await repo.recordConsent(tx, userId, PROFILE_NOTICE.version, 'withdrawn');
    await recordAudit(tx, { actor, action: 'profile.delete', resourceType: 'profile', resourceId: userId, subjectId: userId, requestId });
  });
}

/**
 * Someone's profile with the parts shown to the actor; a 404 when even their basics are not (the
 * same answer as for nobody, so that hidden people are not revealed to exist).
 */
export async function getPerson(db: Db, actor: Actor, userId: string): Promise<Person> {
  const row = await repo.findProfile(db, userId);
  const organisations = row ? ((await repo.organisationsOfUsers(db, [userId])).get(userId) ?? []) : [];
  const seen: ReadonlySet<ProfilePart> = row
    ? partsVisibleTo(
        actor,
        userId,
        organisations.map((o) => o.id),
        fieldsOfRow(row).visibility,
      )
    : new Set<ProfilePart>();
  if (!row || !seen.has('basics')) throw new AppError('not-found', `No person with id "${userId}"`);
  return presentPerson(row, organisations, seen);
}

/**
 * Raises the person's DigComp competences `codes` to `level` (never lowers one; a competence not
 * yet in the profile is added): what completing a learning-plan item does. Saved like any edit of
 * the profile (finder rows rebuilt, audited as profile.update). Returns the competences it raised;
 * none, changing nothing, without a profile, without current consent, or for area codes.
 * @example await raiseCompetence(db, { actor }, ['4.2'], 5) // ['4.2']
 */
export async function raiseCompetence(db: Db, asker: Asker, codes: readonly string[], level: number): Promise<string[]> {
  const competences = [...new Set(codes.filter((code) => code.includes('.')))];
  if (competences.length === 0) return [];
  const own = await getMyProfile(db, asker.actor).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not-found') return undefined;
    throw error;
  });
  if (!own?.consent.current) return [];
  const levels = new Map(own.skills.digcomp.map((c) => [c.code, c.level]));
  const raised = competences.filter((code) => raisedLevel(levels.get(code) ?? null, level) !== levels.get(code));
  if (raised.length === 0) return [];
  for (const code of raised) levels.set(code, raisedLevel(levels.get(code) ?? null, level));
  const input = ProfileInputSchema.parse({
    version: own.version,
    name: own.name,
    headline: own.headline,
    dutyStation: own.dutyStation,
    languages: own.languages,
    topics: own.skills.topics,
    digcomp: [...levels].map(([code, l]) => ({ code, level: l })),
    esco: own.skills.esco,
    expertise: own.skills.expertise,
    availability: own.availability,
    bio: own.bio,
    links: own.links,
    visibility: own.visibility,
  });
  await saveMyProfile(db, asker, input);
  return raised;
}
