/** `dcp import sdmx FILE [--source NAME] [--vintage YYYY-MM-DD]`: one SDMX-CSV file. */
import { defineCommand } from '../command.js';
import { importSdmx } from '../../features/indicators/index.js';
import { printSummary } from './import-shared.js';

export const importSdmxCommand = defineCommand({
  name: 'import sdmx',
  args: [{ name: 'FILE' }],
  options: {
    source: { type: 'string', value: 'NAME', help: 'Who published the file (kept beside every value)' },
    vintage: { type: 'string', value: 'YYYY-MM-DD', help: 'When the source published it (default: today)' },
  },
  summary: 'Load an SDMX-CSV file (1.0 or 2.0; REF_AREA as ISO3 or M49)',
  async run({ db, args, options, logger, out }) {
    const [file] = args as [string];
    const summary = await importSdmx(db, file, { source: options.source, vintage: options.vintage });
    logger.info({ ...summary, from: file }, 'sdmx imported');
    printSummary(out, summary);
  },
});
