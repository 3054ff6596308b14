import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { seedOrganisation } from '../../test/support/capacity.js';
import { forEachEngine } from '../../test/support/engines.js';
import { FormatError } from '../formats/csv/format-error.js';
import { CapacityUsageError, demoCommand, exportCapacity, importCapacityFile } from './capacity.js';

const dir = mkdtempSync(path.join(tmpdir(), 'dcp-capacity-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  const full = path.join(dir, name);
  writeFileSync(full, text);
  return full;
};

forEachEngine('dcp import, export and demo for the clearinghouse', (t) => {
  it('imports a CSV file for an organisation and exports it again', async () => {
    const org = await seedOrganisation(t.db);
    const csv = file(
      'catalogue.csv',
      'kind,language,title,summary,topics,audiences,languages,modality,rolling\n' +
        'course,en,Open data for statistics offices,Publish and use open government data.,data-governance-statistics,public-servants,en;fr,self-paced-online,true\n',
    );
    expect(await importCapacityFile(t.db, 'offerings', csv, { organisation: org })).toMatchObject({ records: 1, created: 1, file: csv });
    const exported = await exportCapacity(t.db, 'offerings', { organisation: org, format: 'csv' });
    expect(exported).toContain('Open data for statistics offices');
    expect(JSON.parse(await exportCapacity(t.db, 'offerings', { organisation: org, format: 'json' }))).toHaveLength(1);
  });

  it('says clearly what is missing or wrong, and names the file', async () => {
    await expect(importCapacityFile(t.db, 'offerings', undefined, {})).rejects.toThrow(CapacityUsageError);
    await expect(importCapacityFile(t.db, 'needs', 'x.csv', {})).rejects.toThrow('give the owning organisation: --organisation ID');
    await expect(importCapacityFile(t.db, 'needs', 'x.csv', { organisation: 'ministry' })).rejects.toThrow(
      '--organisation must be an organisation id',
    );
    const missing = path.join(dir, 'nowhere.csv');
    await expect(importCapacityFile(t.db, 'offerings', missing, { organisation: await seedOrganisation(t.db) })).rejects.toThrow(
      new FormatError({ file: missing, message: 'file not found' }),
    );
    const latin1 = file('latin1.csv', '');
    writeFileSync(latin1, Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0x0a, 0xe9, 0x0a]));
    await expect(importCapacityFile(t.db, 'offerings', latin1, { organisation: await seedOrganisation(t.db) })).rejects.toThrow(
      'not valid UTF-8',
    );
    await expect(
      importCapacityFile(t.db, 'offerings', file('empty.csv', 'kind,language,title,summary,topics,audiences,languages\n'), {
        organisation: await seedOrganisation(t.db),
      }),
    ).rejects.toThrow('the file holds no records');
    await expect(
      importCapacityFile(t.db, 'offerings', file('a.csv', 'x\n1\n'), { organisation: '6f1c0b7e-0000-4000-8000-000000000000' }),
    ).rejects.toThrow('No organisation with id');
    await expect(demoCommand(t.db, 'create', {})).rejects.toThrow('demo needs a subcommand: generate or remove');
    await expect(demoCommand(t.db, 'generate', { offerings: '-3' })).rejects.toThrow('--offerings must be a whole number from 0 to 200000');
    await expect(demoCommand(t.db, 'generate', { needs: 'many' })).rejects.toThrow('--needs must be a whole number');
  });

  it('generates demo data with a seed and removes it', async () => {
    expect(await demoCommand(t.db, 'generate', { offerings: '12', needs: '5', seed: '7' })).toEqual({ seed: 7, offerings: 12, needs: 5 });
    expect(await demoCommand(t.db, 'remove', {})).toMatchObject({ offerings: 12, needs: 5 });
  });
});
