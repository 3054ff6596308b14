/**
 * `dcp demo generate [--offerings N] [--needs M] [--people P] [--projects Q] [--seed S]` and `dcp demo remove`:
 * the labelled demo catalogue (clearinghouse) and the demo people and projects (collaborate).
 */
import { defineCommand } from '../command.js';
import { demoGenerate, demoRemove } from '../capacity.js';
import { collaborateDemoCommand } from '../collaborate.js';
import { printSummary } from './import-shared.js';

export const demoGenerateCommand = defineCommand({
  name: 'demo generate',
  options: {
    offerings: { type: 'string', value: 'N', help: 'How many offerings (default 300, at most 200000)' },
    needs: { type: 'string', value: 'M', help: 'How many needs (default 100, at most 100000)' },
    people: { type: 'string', value: 'P', help: 'How many people with profiles (default 200, at most 200000)' },
    projects: { type: 'string', value: 'Q', help: 'How many projects with roles, teams and updates (default 40, at most 20000)' },
    seed: { type: 'string', value: 'S', help: 'Seed of the generator: the same seed makes the same records (default 2030)' },
  },
  summary: 'Add generated demo offerings, needs, people and projects over the real countries and vocabulary (labelled as demo data)',
  help: 'Records already present (same seed) are kept, so a run cut short can be repeated.',
  async run({ db, options, logger, out }) {
    const summary = await demoGenerate(db, options);
    const collaborate = await collaborateDemoCommand(db, 'generate', options);
    logger.info({ ...summary, ...collaborate }, 'demo data generated');
    printSummary(out, { ...summary, ...collaborate });
  },
});

export const demoRemoveCommand = defineCommand({
  name: 'demo remove',
  options: {},
  summary: 'Take every generated demo record out (and the demo organisations nobody joined)',
  async run({ db, logger, out }) {
    // Projects and people first: demo projects are led by demo organisations.
    const collaborate = await collaborateDemoCommand(db, 'remove', {});
    const summary = await demoRemove(db);
    logger.info({ ...summary, ...collaborate }, 'demo data removed');
    printSummary(out, { ...summary, ...collaborate });
  },
});
