/** `dcp restore FILE [--replace]`: a backup into an empty database, all or nothing, then pending migrations. */
import { defineCommand } from '../command.js';
import { restoreDatabase } from '../backup/restore.js';
import { migrate } from '../../db/migrate.js';

export const restoreCommand = defineCommand({
  name: 'restore',
  args: [{ name: 'FILE' }],
  options: {
    replace: { type: 'boolean', help: 'Replace everything the database holds (otherwise only an empty database is restored into)' },
  },
  summary: 'Restore a backup made by dcp backup into an empty database (all or nothing)',
  help: 'Builds the schema at the backup’s version, copies every table back and sets the sequences in one transaction, then applies the migrations this version has in addition. Stop the app first (or use a new DCP_HOME).',
  migrate: false,
  async run({ database, args, options, logger, out }) {
    const started = performance.now();
    const summary = await restoreDatabase(database.url, args[0]!, { replace: options.replace });
    const applied = await migrate(database.db);
    logger.info({ ...summary, applied, ms: Math.round(performance.now() - started) }, 'backup restored');
    out(`${JSON.stringify({ ...summary, migrationsAppliedAfter: applied }, null, 2)}\n`);
  },
});
