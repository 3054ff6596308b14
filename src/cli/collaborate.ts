/**
 * The people and projects share of `dcp demo generate [--people N] [--projects M] [--seed S]` and
 * `dcp demo remove` (commands/demo.ts), beside the clearinghouse's (capacity.ts). The work is the
 * people and projects features'; here are only the checks of the arguments and the order (people
 * before the projects whose teams they form; projects out before the organisations that lead them).
 */
import type { Db } from '../db/database.js';
import { DEFAULT_PEOPLE_SEED, generateDemoPeople, removeDemoPeople } from '../features/people/index.js';
import { FIRST_START_COLLABORATE, generateDemoProjects, removeDemoProjects } from '../features/projects/index.js';
import { UsageError } from './command.js';

function count(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new UsageError(`--${name} must be a whole number from 0 to ${max}, not "${value}"`);
  return n;
}

/** `dcp demo generate|remove`, the people and projects part; returns what to print. */
export async function collaborateDemoCommand(
  db: Db,
  sub: 'generate' | 'remove',
  options: { people?: string | undefined; projects?: string | undefined; seed?: string | undefined },
): Promise<object> {
  if (sub === 'remove') {
    const projects = await removeDemoProjects(db);
    return { ...projects, ...(await removeDemoPeople(db)) };
  }
  const seed = count(options.seed, 'seed', DEFAULT_PEOPLE_SEED, 2 ** 31 - 1);
  const people = count(options.people, 'people', FIRST_START_COLLABORATE.people, 200_000);
  const projects = count(options.projects, 'projects', FIRST_START_COLLABORATE.projects, 20_000);
  const addedPeople = await generateDemoPeople(db, { people, seed });
  const addedProjects = await generateDemoProjects(db, { projects, people, seed });
  return { people: addedPeople.people, projects: addedProjects.projects };
}
