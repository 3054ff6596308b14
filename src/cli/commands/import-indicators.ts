/** `dcp import indicators [--data-dir DIR]`: the ICT indicator files; recomputes derived indicators and aggregates. */
import { defineCommand } from '../command.js';
import { importIndicators } from '../../features/indicators/index.js';
import { dataDirOf, printSummary } from './import-shared.js';

export const importIndicatorsCommand = defineCommand({
  name: 'import indicators',
  options: {
    'data-dir': { type: 'string', value: 'DIR', help: 'Directory of the data files (default DCP_DATA_DIR, else ../shared/data)' },
  },
  summary: 'Load the ICT indicator files; recompute aggregates (all or nothing; newer vintages win)',
  async run({ db, options, config, logger, out }) {
    const dataDir = dataDirOf(options['data-dir'], config);
    const summary = await importIndicators(db, dataDir);
    logger.info({ ...summary, dataDir }, 'indicators imported');
    printSummary(out, summary);
  },
});
