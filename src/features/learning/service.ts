/**
 * A person's learning plan: for the roles they hold in project teams (or one role they look at),
 * the gap between their profile and what the role asks (core/people/learning.ts), the
 * clearinghouse offerings that close each gap — in a language they speak, and needing no or low
 * bandwidth where their duty station's internet use is below half — and the offerings they saved,
 * planned → in progress → completed. Completing an item for a DigComp competence raises it in
 * their profile. Reads people, projects, the clearinghouse and the indicators through their index.
 */
import { bandwidthFor, skillGaps, type SkillGap } from '../../core/people/learning.js';
import { digcompArea } from '../../core/people/index.js';
import type { CompetenceSkill, LanguageSkill } from '../../core/people/index.js';
import type { Actor } from '../../core/policy/actor.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import { requireUser } from '../../http/authorise.js';
import { recordAudit } from '../audit/index.js';
import { getOffering, searchOfferings, type OfferingListQuery, type OfferingSummary } from '../capacity/index.js';
import { countryProfile } from '../indicators/index.js';
import { getMyProfile, raiseCompetence, type OwnProfile } from '../people/index.js';
import { roleToLearnFor, rolesOfPerson, type RoleToLearnFor } from '../projects/index.js';
import * as repo from './repository.js';

export interface GapWithOfferings {
  readonly gap: SkillGap;
  readonly offerings: readonly OfferingSummary[];
}

export interface LearningView {
  readonly profile: OwnProfile | undefined;
  readonly roles: readonly { readonly role: RoleToLearnFor; readonly gaps: readonly GapWithOfferings[] }[];
  readonly plan: readonly repo.PlanItem[];
  /** Offerings are kept to offline and low bandwidth (the duty station's internet use is below half). */
  readonly lowBandwidth: boolean;
}

const SUGGESTIONS = 3;

async function ownProfile(db: Db, actor: Actor): Promise<OwnProfile | undefined> {
  return getMyProfile(db, actor).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not-found') return undefined;
    throw error;
  });
}

/** The latest share of people using the internet in the country (%), or null when unknown. */
async function internetUse(db: Db, iso3: string | undefined): Promise<number | null> {
  if (!iso3) return null;
  const profile = await countryProfile(db, iso3).catch(() => undefined);
  return profile?.indicators.find((i) => i.code === 'internet-use')?.latest?.value ?? null;
}

async function offeringsFor(db: Db, actor: Actor, gap: SkillGap, filters: Pick<OfferingListQuery, 'languages' | 'bandwidth'>) {
  if (gap.kind === 'language') return [];
  const query = { limit: SUGGESTIONS, ...filters, ...(gap.kind === 'digcomp' ? { digcomp: [gap.code] } : { topics: [gap.code] }) };
  return (await searchOfferings(db, actor, query as OfferingListQuery)).data;
}

/**
 * @example await learningView(db, actor, roleId) // { roles: [{ role, gaps: [{ gap, offerings }] }], plan, lowBandwidth }
 */
export async function learningView(db: Db, actor: Actor, roleId?: string): Promise<LearningView> {
  const { userId } = requireUser(actor);
  const profile = await ownProfile(db, actor);
  const roles = roleId ? [await roleToLearnFor(db, actor, roleId)] : await rolesOfPerson(db, actor, userId);
  const lowBandwidth = bandwidthFor(await internetUse(db, profile?.dutyStation?.country)) !== undefined;
  const held = {
    topics: profile?.skills.topics ?? [],
    digcomp: (profile?.skills.digcomp ?? []) as CompetenceSkill[],
    languages: (profile?.languages ?? []) as LanguageSkill[],
  };
  const filters = {
    ...(held.languages.length > 0 ? { languages: held.languages.map((l) => l.code) } : {}),
    ...(lowBandwidth ? { bandwidth: ['offline', 'low'] } : {}),
  };
  const withGaps = await Promise.all(
    roles.map(async (role) => {
      const gaps = skillGaps(held, {
        topics: role.topics,
        digcomp: role.digcomp as CompetenceSkill[],
        languages: role.languages as LanguageSkill[],
      });
      return { role, gaps: await Promise.all(gaps.map(async (gap) => ({ gap, offerings: await offeringsFor(db, actor, gap, filters) }))) };
    }),
  );
  return { profile, roles: withGaps, plan: await repo.planOf(db, userId), lowBandwidth };
}

export interface PlanItemInput {
  readonly offeringId: string;
  readonly skillKind: 'digcomp' | 'topic' | 'language';
  readonly skillCode: string;
  readonly targetLevel?: string | undefined;
  readonly roleId?: string | undefined;
}

/** Saves an offering the person may read to their plan (again: nothing changes). */
export async function addToPlan(db: Db, asker: { actor: Actor; requestId?: string | null }, input: PlanItemInput): Promise<void> {
  const { userId } = requireUser(asker.actor);
  const offering = await getOffering(db, asker.actor, input.offeringId);
  await db.transaction().execute(async (tx) => {
    await repo.insertItem(tx, { userId, offeringTitle: offering.title, ...input });
    await recordAudit(tx, {
      actor: asker.actor,
      action: 'learning.plan-add',
      resourceType: 'learning-plan',
      subjectId: userId,
      requestId: asker.requestId,
    });
  });
}

/**
 * The competences completing an item for a DigComp code raises: a competence itself; for an area,
 * the offering's competences in that area (what the course taught), else the person's best
 * competence in it (the one the gap was measured by). None when neither says which.
 */
async function competencesFor(db: Db, actor: Actor, item: { skill_code: string; offering_id: string }): Promise<string[]> {
  const code = item.skill_code;
  if (code.includes('.')) return [code];
  const taught = await getOffering(db, actor, item.offering_id)
    .then((o) => o.digcomp.filter((c) => c.includes('.') && digcompArea(c) === code))
    .catch((error: unknown) => {
      // The offering was withdrawn or deleted since it was saved: the person still learned.
      if (error instanceof AppError && error.code === 'not-found') return [];
      throw error;
    });
  if (taught.length > 0) return taught;
  const held = ((await ownProfile(db, actor))?.skills.digcomp ?? []).filter((c) => digcompArea(c.code) === code);
  const best = held.toSorted((a, b) => b.level - a.level)[0];
  return best ? [best.code] : [];
}

/**
 * Moves one of the person's items to `status` (audited); completing an item for a DigComp area or
 * competence raises the competences it covers (competencesFor) in their profile to the level the
 * item was for. Returns what it raised.
 */
export async function setItemStatus(
  db: Db,
  asker: { actor: Actor; requestId?: string | null },
  itemId: string,
  status: repo.PlanStatus,
): Promise<{ raised: string[] }> {
  const { userId } = requireUser(asker.actor);
  const item = await db.transaction().execute(async (tx) => {
    const updated = await repo.updateStatus(tx, userId, itemId, status);
    if (updated)
      await recordAudit(tx, {
        actor: asker.actor,
        action: 'learning.plan-status',
        resourceType: 'learning-plan',
        resourceId: itemId,
        subjectId: userId,
        after: { status },
        requestId: asker.requestId,
      });
    return updated;
  });
  if (!item) throw new AppError('not-found', `No item "${itemId}" in your learning plan`);
  const level = Number(item.target_level);
  if (status !== 'completed' || item.skill_kind !== 'digcomp' || !Number.isInteger(level) || level < 1 || level > 8) return { raised: [] };
  const raised = await raiseCompetence(db, asker, await competencesFor(db, asker.actor, item), level);
  if (raised.length > 0)
    await recordAudit(db, {
      actor: asker.actor,
      action: 'learning.skill-raise',
      resourceType: 'profile',
      resourceId: userId,
      subjectId: userId,
      after: { item: itemId, digcomp: raised, level },
      requestId: asker.requestId,
    });
  return { raised };
}
