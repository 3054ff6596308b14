/** `dcp export offerings|needs [--organisation ID] [--format csv|json] [--out FILE]`: in the import template. */
import { writeFile } from 'node:fs/promises';
import { defineCommand, UsageError } from '../command.js';
import { exportCapacity } from '../capacity.js';

function exportCommand(what: 'offerings' | 'needs') {
  return defineCommand({
    name: `export ${what}`,
    options: {
      organisation: { type: 'string', value: 'ID', help: `Only this organisation’s ${what} (default: every organisation’s)` },
      format: { type: 'string', value: 'csv|json', help: 'Output format (default csv): the import template, or an array of create bodies' },
      out: { type: 'string', value: 'FILE', help: 'Write to FILE instead of standard output' },
    },
    summary: `Write ${what} (every status) in the import template`,
    async run({ db, options, out }) {
      const format = options.format ?? 'csv';
      if (format !== 'csv' && format !== 'json') throw new UsageError(`export ${what}: --format must be csv or json, not "${format}"`);
      const output = await exportCapacity(db, what, { organisation: options.organisation, format });
      if (options.out) await writeFile(options.out, output);
      else out(output);
    },
  });
}

export const exportOfferingsCommand = exportCommand('offerings');
export const exportNeedsCommand = exportCommand('needs');
