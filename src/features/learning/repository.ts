/** The learning_plan_items table: a person's saved offerings, each for one skill gap. */
import type { Db, WriteTx } from '../../db/database.js';

export const PLAN_STATUSES = ['planned', 'in-progress', 'completed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export interface PlanItem {
  readonly id: string;
  readonly offeringId: string;
  readonly offeringTitle: string;
  readonly skillKind: 'digcomp' | 'topic' | 'language';
  readonly skillCode: string;
  readonly targetLevel: string | null;
  readonly status: PlanStatus;
  readonly updatedAt: string;
}

export async function planOf(db: Db, userId: string): Promise<PlanItem[]> {
  const rows = await db
    .selectFrom('learning_plan_items')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    offeringId: r.offering_id,
    offeringTitle: r.offering_title,
    skillKind: r.skill_kind,
    skillCode: r.skill_code,
    targetLevel: r.target_level,
    status: r.status,
    updatedAt: r.updated_at.toISOString(),
  }));
}

export async function insertItem(
  tx: WriteTx,
  item: {
    userId: string;
    offeringId: string;
    offeringTitle: string;
    skillKind: PlanItem['skillKind'];
    skillCode: string;
    targetLevel?: string | undefined;
    roleId?: string | undefined;
  },
): Promise<void> {
  await tx
    .insertInto('learning_plan_items')
    .values({
      user_id: item.userId,
      offering_id: item.offeringId,
      offering_title: item.offeringTitle.slice(0, 300),
      skill_kind: item.skillKind,
      skill_code: item.skillCode,
      target_level: item.targetLevel ?? null,
      role_id: item.roleId ?? null,
    })
    .onConflict((oc) => oc.columns(['user_id', 'offering_id', 'skill_kind', 'skill_code']).doNothing())
    .execute();
}

export async function updateStatus(tx: WriteTx, userId: string, id: string, status: PlanStatus) {
  return tx
    .updateTable('learning_plan_items')
    .set({ status, updated_at: new Date() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returning(['skill_kind', 'skill_code', 'target_level', 'offering_id'])
    .executeTakeFirst();
}

/** The person's share of personal data: their plan. */
export async function eraseItemsOf(tx: WriteTx, userId: string): Promise<void> {
  await tx.deleteFrom('learning_plan_items').where('user_id', '=', userId).execute();
}
