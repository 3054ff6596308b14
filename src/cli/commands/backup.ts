/** `dcp backup FILE`: a consistent copy of the whole database in one file (while the app keeps serving). */
import { defineCommand } from '../command.js';
import { backupDatabase } from '../backup/dump.js';

export const backupCommand = defineCommand({
  name: 'backup',
  args: [{ name: 'FILE' }],
  options: {},
  summary: 'Write every table and sequence to FILE (gzip; restore with dcp restore FILE)',
  help: 'Reads one consistent snapshot, so the app may keep serving. FILE appears only when complete (FILE.partial meanwhile). See docs/decisions/005-logical-backup.md.',
  async run({ database, args, logger, out }) {
    const started = performance.now();
    const summary = await backupDatabase(database.url, args[0]!);
    logger.info({ ...summary, ms: Math.round(performance.now() - started) }, 'backup written');
    out(`${JSON.stringify(summary, null, 2)}\n`);
  },
});
