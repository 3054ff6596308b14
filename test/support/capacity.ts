/**
 * Offerings and needs for tests: builders of create bodies with overrides,
 * and records seeded through the public import service (as the system), so
 * every seeded record went through the same checks as a real one.
 *
 *   const orgId = await seedOrganisation(db);
 *   const id = await seedOffering(db, orgId, { status: 'published', title: 'Spectrum monitoring' });
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/database.js';
import { SYSTEM } from '../../src/features/audit/index.js';
import { importNeeds, importOfferings } from '../../src/features/capacity/index.js';

export async function seedOrganisation(db: Db, name = `Provider ${randomBytes(5).toString('hex')}`): Promise<string> {
  const row = await db.insertInto('organisations').values({ name, kind: 'un-entity' }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A valid create body of a course (without the provider), with overrides. */
export function offeringBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'course',
    language: 'en',
    title: 'Spectrum monitoring and enforcement',
    summary: 'Plan, assign and monitor radio spectrum, and coordinate satellite networks.',
    topics: ['spectrum-management'],
    audiences: ['policymakers-regulators'],
    languages: ['en'],
    modality: 'blended',
    startDate: '2027-03-01',
    endDate: '2027-04-15',
    ...overrides,
  };
}

/** A valid create body of a need (without the requester), with overrides. */
export function needBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    country: 'NER',
    language: 'fr',
    title: 'Formation au contrôle du spectre pour l’autorité de régulation',
    description: 'Le régulateur souhaite former ses ingénieurs au contrôle du spectre.',
    topics: ['spectrum-management'],
    audiences: ['policymakers-regulators'],
    languages: ['fr'],
    ...overrides,
  };
}

/** Stores one offering of `organisationId` (status as given, default draft) and returns its id. */
export async function seedOffering(db: Db, organisationId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const id = randomUUID();
  await importOfferings(db, { actor: SYSTEM }, organisationId, {
    name: 'seed.json',
    text: JSON.stringify([{ ...offeringBody(overrides), id }]),
  });
  return id;
}

/** Stores one need of `organisationId` (status as given, default open) and returns its id. */
export async function seedNeed(db: Db, organisationId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const id = randomUUID();
  await importNeeds(db, { actor: SYSTEM }, organisationId, { name: 'seed.json', text: JSON.stringify([{ ...needBody(overrides), id }]) });
  return id;
}
