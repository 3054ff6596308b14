/** `dcp export countries|groups|taxonomy NAME [--format csv|json] [--out FILE]`. */
import { writeFile } from 'node:fs/promises';
import { defineCommand, UsageError } from '../command.js';
import { exportDataset } from '../export.js';

export const exportCommand = defineCommand({
  name: 'export',
  args: [{ name: 'DATASET' }, { name: 'NAME', optional: true }],
  options: {
    format: { type: 'string', value: 'csv|json', help: 'Output format (default csv)' },
    out: { type: 'string', value: 'FILE', help: 'Write to FILE instead of standard output' },
  },
  summary: 'Write reference data: countries, groups or taxonomy NAME (digcomp, esco …)',
  async run({ db, args, options, out }) {
    const format = options.format ?? 'csv';
    if (format !== 'csv' && format !== 'json') throw new UsageError(`export: --format must be csv or json, not "${format}"`);
    const [dataset, name] = args as [string, string | undefined];
    const output = await exportDataset(db, dataset, name, format);
    if (options.out) await writeFile(options.out, output);
    else out(output);
  },
});
