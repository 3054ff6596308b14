/**
 * `dcp serve` (what `npm start` runs): loads the reference and indicator data on
 * the first start of an empty database, then serves until SIGTERM or SIGINT.
 */
import { defineCommand } from '../command.js';
import { runServer } from '../serve.js';
import { countCountries, importReference } from '../../features/reference/index.js';
import { importIndicators } from '../../features/indicators/index.js';

export const serveCommand = defineCommand({
  name: 'serve',
  options: {},
  summary: 'Start the web server (what npm start runs)',
  help: 'Applies pending migrations and, on the first start of an empty database, loads the reference and indicator data from DCP_DATA_DIR.',
  logToStdout: true,
  async run({ db, config, logger, database }) {
    const started = performance.now();
    if ((await countCountries(db)) === 0) {
      if (config.dataDir) {
        const summary = await importReference(db, config.dataDir);
        logger.info({ ...summary, dataDir: config.dataDir }, 'reference data loaded on first start');
        const indicators = await importIndicators(db, config.dataDir);
        logger.info({ inserted: indicators.inserted, aggregates: indicators.aggregates }, 'indicator data loaded on first start');
      } else {
        logger.warn('no data directory found (DCP_DATA_DIR): starting without reference data');
      }
    }
    logger.info({ ms: Math.round(performance.now() - started), engine: database.engine }, 'ready');
    await runServer(config, database, logger);
  },
});
