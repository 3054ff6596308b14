/**
 * `dcp serve` (what `npm start` runs): loads whatever of the reference and indicator data is
 * missing (the first start, or one that a crash cut short), then serves until SIGTERM or SIGINT.
 * The first start also plans the generated demo catalogue and the demo people and projects, which fill while
 * the server answers.
 */
import { defineCommand } from '../command.js';
import { runServer } from '../serve.js';
import { ensureInitialData } from '../../features/imports/initial-data.js';
import { fillPlannedDemo, planDemoOnFirstStart } from '../../features/capacity/index.js';
import { fillPlannedCollaborateDemo, planCollaborateDemoOnFirstStart } from '../../features/projects/index.js';

export const serveCommand = defineCommand({
  name: 'serve',
  options: {},
  summary: 'Start the web server (what npm start runs)',
  help: 'Applies pending migrations and loads whichever of the reference and indicator data from DCP_DATA_DIR is not loaded yet (the first start, or a start after one cut short), then serves. The first start also fills a demo catalogue of generated offerings and needs, and demo people and projects (dcp demo remove takes them out).',
  logToStdout: true,
  async run({ db, config, logger, database }) {
    const started = performance.now();
    const loaded = await ensureInitialData(db, config.dataDir, logger);
    if (loaded.includes('reference')) {
      await planDemoOnFirstStart(db);
      await planCollaborateDemoOnFirstStart(db);
    }
    // Not awaited: the server answers while the demo catalogue, then the demo people and projects, fill (in batches; a
    // start cut short resumes them). A failure is logged, never fatal.
    void fillPlannedDemo(db)
      .then(
        (demo) => demo && logger.info({ ...demo }, 'generated demo offerings and needs loaded on first start'),
        (error: unknown) => logger.warn({ err: error }, 'demo offerings and needs not loaded (the next start tries again)'),
      )
      .then(() => fillPlannedCollaborateDemo(db))
      .then(
        (demo) => demo && logger.info({ ...demo }, 'generated demo people and projects loaded on first start'),
        (error: unknown) => logger.warn({ err: error }, 'demo people and projects not loaded (the next start tries again)'),
      );
    logger.info({ ms: Math.round(performance.now() - started), engine: database.engine }, 'ready');
    await runServer(config, database, logger);
  },
});
