/** `dcp import iati FILE.xml`: the projects of an IATI 2.0x activity file, what is valid in one transaction. */
import { defineCommand } from '../command.js';
import { importIatiCommand } from '../iati.js';
import { printSummary } from './import-shared.js';

export const importIatiFileCommand = defineCommand({
  name: 'import iati',
  args: [{ name: 'FILE' }],
  options: {},
  summary: 'Load the projects of an IATI 2.0x activity file (re-importing updates them, keyed on the IATI identifier)',
  help:
    'Every activity is checked first; the valid ones are written in one transaction, and every problem is printed with its line ' +
    '(an activity with a problem is left out, the others go in). Unknown elements are reported, not dropped silently. ' +
    'Files of IATI 1.0x are refused with the reason.',
  async run({ db, args, logger, out }) {
    const [file] = args as [string];
    const summary = await importIatiCommand(db, file);
    logger.info(
      { activitiesRead: summary.activitiesRead, created: summary.created, updated: summary.updated, from: file },
      'iati imported',
    );
    printSummary(out, summary);
  },
});
