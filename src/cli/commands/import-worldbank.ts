/** `dcp import worldbank CODE`: one indicator from the World Bank Indicators API. */
import { defineCommand } from '../command.js';
import { importWorldBank } from '../../features/indicators/index.js';
import { printSummary } from './import-shared.js';

export const importWorldBankCommand = defineCommand({
  name: 'import worldbank',
  args: [{ name: 'CODE' }],
  options: {},
  summary: 'Fetch one indicator (e.g. IT.NET.USER.ZS) from the World Bank API; vintage = its lastupdated date',
  help: 'Reads DCP_WORLDBANK_API_URL (default https://api.worldbank.org/v2).',
  async run({ db, args, config, logger, out }) {
    const [code] = args as [string];
    const summary = await importWorldBank(db, config.worldBankApiUrl, code);
    logger.info({ ...summary, from: code }, 'worldbank imported');
    printSummary(out, summary);
  },
});
