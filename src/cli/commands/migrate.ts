/** `dcp migrate [--down]`: applies pending migrations (what every start does), or undoes the last one. */
import { defineCommand } from '../command.js';
import { migrate } from '../../db/migrate.js';

export const migrateCommand = defineCommand({
  name: 'migrate',
  options: { down: { type: 'boolean', help: 'Undo the last applied migration instead' } },
  summary: 'Apply pending migrations, or undo the last one with --down',
  help: 'Every command applies pending migrations when it starts; run this one against a server before deploying, or to step back.',
  migrate: false,
  async run({ db, options, logger, out }) {
    const applied = await migrate(db, options.down ? 'down' : 'latest');
    logger.info({ applied }, options.down ? 'migration undone' : 'migrations applied');
    out(applied.length === 0 ? 'nothing to do\n' : `${options.down ? 'undone' : 'applied'}: ${applied.join(', ')}\n`);
  },
});
