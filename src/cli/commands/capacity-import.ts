/** `dcp import offerings|needs FILE --organisation ID`: one organisation's catalogue, all or nothing. */
import { defineCommand } from '../command.js';
import { importCapacityFile } from '../capacity.js';
import { printSummary } from './import-shared.js';

const HELP =
  'FILE is .csv in the template (docs/data/offerings-csv.md) or .json (an array of the API’s create bodies). ' +
  'Every record is checked before anything is written; one bad cell refuses the whole file with its line and column. ' +
  'A record with the id of one of the organisation’s records updates it.';

function importCommand(what: 'offerings' | 'needs') {
  return defineCommand({
    name: `import ${what}`,
    args: [{ name: 'FILE' }],
    options: {
      organisation: { type: 'string', value: 'ID', help: `The organisation the ${what} belong to (its id, as in /api/v1/organisations)` },
    },
    summary: `Load ${what} of one organisation from the CSV template or JSON (all-or-nothing)`,
    help: HELP,
    async run({ db, args, options, logger, out }) {
      const [file] = args as [string];
      const summary = await importCapacityFile(db, what, file, options);
      logger.info({ ...summary, from: file }, `${what} imported`);
      printSummary(out, summary);
    },
  });
}

export const importOfferingsCommand = importCommand('offerings');
export const importNeedsCommand = importCommand('needs');
