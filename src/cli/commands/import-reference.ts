/** `dcp import reference [--data-dir DIR]`: countries, groups and taxonomies, all or nothing. */
import { defineCommand } from '../command.js';
import { importReference } from '../../features/reference/index.js';
import { dataDirOf, printSummary } from './import-shared.js';

export const importReferenceCommand = defineCommand({
  name: 'import reference',
  options: {
    'data-dir': { type: 'string', value: 'DIR', help: 'Directory of the data files (default DCP_DATA_DIR, else ../shared/data)' },
  },
  summary: 'Load countries, groups and taxonomies (all or nothing)',
  async run({ db, options, config, logger, out }) {
    const dataDir = dataDirOf(options['data-dir'], config);
    const summary = await importReference(db, dataDir);
    logger.info({ ...summary, dataDir }, 'reference imported');
    printSummary(out, summary);
  },
});
