/** `dcp demo generate [--offerings N] [--needs M] [--seed S]` and `dcp demo remove`: the labelled demo catalogue. */
import { defineCommand } from '../command.js';
import { demoGenerate, demoRemove } from '../capacity.js';
import { printSummary } from './import-shared.js';

export const demoGenerateCommand = defineCommand({
  name: 'demo generate',
  options: {
    offerings: { type: 'string', value: 'N', help: 'How many offerings (default 300, at most 200000)' },
    needs: { type: 'string', value: 'M', help: 'How many needs (default 100, at most 100000)' },
    seed: { type: 'string', value: 'S', help: 'Seed of the generator: the same seed makes the same records (default 2030)' },
  },
  summary: 'Add generated demo offerings and needs over the real countries and vocabulary (labelled as demo data)',
  help: 'Records already present (same seed) are kept, so a run cut short can be repeated.',
  async run({ db, options, logger, out }) {
    const summary = await demoGenerate(db, options);
    logger.info({ ...summary }, 'demo data generated');
    printSummary(out, summary);
  },
});

export const demoRemoveCommand = defineCommand({
  name: 'demo remove',
  options: {},
  summary: 'Take every generated demo offering and need out (and the demo organisations nobody joined)',
  async run({ db, logger, out }) {
    const summary = await demoRemove(db);
    logger.info({ ...summary }, 'demo data removed');
    printSummary(out, summary);
  },
});
