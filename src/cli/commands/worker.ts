/** `dcp worker`: the background job workers alone, without the web server (DCP_WORKERS=separate on web instances). */
import { JOBS } from '../../jobs.js';
import { defineCommand } from '../command.js';
import { runWorker } from '../worker.js';

export const workerCommand = defineCommand({
  name: 'worker',
  options: {},
  summary: 'Run the background job workers (mail, resets, schedules) without the web server',
  help: 'Any number of workers may run against one database. Set DCP_WORKERS=separate on the web instances so they leave the jobs to these.',
  logToStdout: true,
  async run({ db, config, logger }) {
    await runWorker({ db, config, logger }, JOBS);
  },
});
