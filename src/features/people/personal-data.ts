/**
 * The profile's share of a person's data export and account deletion. The privacy feature is
 * given this part in app.ts (it does not import people): export hands over the whole profile with
 * its visibility settings and every consent event; erase removes the profile, its finder rows and
 * the consents, inside the deletion's transaction.
 */
import { z } from '@hono/zod-openapi';
import type { Db, WriteTx } from '../../db/database.js';
import { fieldsOfRow } from './record.js';
import * as repo from './repository.js';
import { deleteSearchRows } from './search-rows.js';

export const ProfileDataSchema = z
  .object({
    profile: z
      .object({
        name: z.string(),
        headline: z.string().nullable(),
        dutyStation: z.object({ country: z.string(), city: z.string().nullable() }).nullable(),
        languages: z.array(z.object({ code: z.string(), level: z.string() })),
        topics: z.array(z.string()),
        digcomp: z.array(z.object({ code: z.string(), level: z.number().int() })),
        esco: z.array(z.string()),
        expertise: z.array(z.string()),
        availability: z.array(z.object({ share: z.number().int(), from: z.string(), to: z.string().nullable() })),
        bio: z.object({ text: z.string(), language: z.string() }).nullable(),
        links: z.array(z.object({ url: z.string(), label: z.string().nullable() })),
        visibility: z.record(z.string(), z.string()),
        version: z.number().int(),
        createdAt: z.string(),
        updatedAt: z.string(),
      })
      .nullable(),
    consents: z.array(z.object({ noticeVersion: z.string(), event: z.enum(['given', 'withdrawn']), at: z.string() })),
  })
  .openapi('ProfileData', { description: 'Your expert profile (null when you have none) and every consent you gave or withdrew' });

export const profilePersonalData = {
  name: 'profile',
  schema: ProfileDataSchema,
  async export(db: Db, userId: string): Promise<z.infer<typeof ProfileDataSchema>> {
    const [row, consents] = await Promise.all([repo.findProfile(db, userId), repo.consentsOf(db, userId)]);
    const fields = row ? fieldsOfRow(row) : undefined;
    return {
      profile:
        row && fields
          ? {
              name: fields.name,
              headline: fields.headline,
              dutyStation: fields.dutyStation ? { ...fields.dutyStation } : null,
              languages: fields.languages.map((l) => ({ ...l })),
              topics: [...fields.topics],
              digcomp: fields.digcomp.map((c) => ({ ...c })),
              esco: [...fields.esco],
              expertise: [...fields.expertise],
              availability: fields.availability.map((a) => ({ ...a })),
              bio: fields.bio ? { ...fields.bio } : null,
              links: fields.links.map((l) => ({ ...l })),
              visibility: { ...fields.visibility },
              version: row.version,
              createdAt: row.created_at.toISOString(),
              updatedAt: row.updated_at.toISOString(),
            }
          : null,
      consents: consents.map((c) => ({ noticeVersion: c.noticeVersion, event: c.event, at: c.at.toISOString() })),
    };
  },
  async erase(tx: WriteTx, userId: string): Promise<void> {
    await deleteSearchRows(tx, userId);
    await repo.deleteProfile(tx, userId);
    await tx.deleteFrom('profile_consents').where('user_id', '=', userId).execute();
  },
};
