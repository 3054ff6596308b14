/**
 * Entry point of the `dcp` command (`npm start` runs `dcp serve`). The commands
 * are in src/cli/table.ts; src/cli/run.ts parses, opens the database and runs one.
 */
import { runCli } from './cli/run.js';

process.exit(await runCli(process.argv.slice(2)));
