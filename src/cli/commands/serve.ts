/**
 * `dcp serve` (what `npm start` runs): loads whatever of the reference and indicator data is
 * missing (the first start, or one that a crash cut short), then serves until SIGTERM or SIGINT.
 */
import { defineCommand } from '../command.js';
import { runServer } from '../serve.js';
import { ensureInitialData } from '../../features/imports/initial-data.js';

export const serveCommand = defineCommand({
  name: 'serve',
  options: {},
  summary: 'Start the web server (what npm start runs)',
  help: 'Applies pending migrations and loads whichever of the reference and indicator data from DCP_DATA_DIR is not loaded yet (the first start, or a start after one cut short), then serves.',
  logToStdout: true,
  async run({ db, config, logger, database }) {
    const started = performance.now();
    await ensureInitialData(db, config.dataDir, logger);
    logger.info({ ms: Math.round(performance.now() - started), engine: database.engine }, 'ready');
    await runServer(config, database, logger);
  },
});
