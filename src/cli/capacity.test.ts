import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { seedOrganisation } from '../../test/support/capacity.js';
import { forEachEngine } from '../../test/support/engines.js';
import { runCli } from './run.js';

const dir = mkdtempSync(path.join(tmpdir(), 'dcp-capacity-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  const full = path.join(dir, name);
  writeFileSync(full, text);
  return full;
};

forEachEngine('dcp import, export and demo for the clearinghouse', (t) => {
  /** One `dcp …` through the command table, in process, on this engine's database. */
  async function dcp(...args: string[]) {
    let stdout = '';
    let stderr = '';
    const io = {
      out: (s: string) => void (stdout += s),
      err: (s: string) => void (stderr += s),
      env: { LOG_LEVEL: 'silent', DATABASE_URL: t.url },
    };
    const code = await runCli(args, io);
    return { code, stdout, stderr };
  }

  it('imports a CSV file for an organisation and exports it again', async () => {
    const org = await seedOrganisation(t.db);
    const csv = file(
      'catalogue.csv',
      'kind,language,title,summary,topics,audiences,languages,modality,rolling\n' +
        'course,en,Open data for statistics offices,Publish and use open government data.,data-governance-statistics,public-servants,en;fr,self-paced-online,true\n',
    );
    const imported = await dcp('import', 'offerings', csv, '--organisation', org);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ records: 1, created: 1, file: csv });
    const exported = await dcp('export', 'offerings', '--organisation', org);
    expect(exported.stdout).toContain('Open data for statistics offices');
    const out = path.join(dir, 'out.json');
    expect((await dcp('export', 'offerings', '--organisation', org, '--format', 'json', '--out', out)).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveLength(1);
    expect(await dcp('export', 'needs', '--format', 'xml')).toMatchObject({
      code: 2,
      stderr: 'dcp: export needs: --format must be csv or json, not "xml"\n',
    });
  });

  it('says clearly what is missing or wrong, and names the file', async () => {
    expect(await dcp('import', 'offerings')).toMatchObject({ code: 2, stderr: expect.stringContaining('import offerings needs FILE') });
    expect(await dcp('import', 'needs', 'x.csv')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('give the owning organisation: --organisation ID'),
    });
    expect((await dcp('import', 'needs', 'x.csv', '--organisation', 'ministry')).stderr).toContain(
      '--organisation must be an organisation id',
    );
    const org = await seedOrganisation(t.db);
    const missing = path.join(dir, 'nowhere.csv');
    expect(await dcp('import', 'offerings', missing, '--organisation', org)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining(missing),
    });
    expect((await dcp('import', 'offerings', missing, '--organisation', org)).stderr).toContain('file not found');
    const latin1 = file('latin1.csv', '');
    writeFileSync(latin1, Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0x0a, 0xe9, 0x0a]));
    expect((await dcp('import', 'offerings', latin1, '--organisation', org)).stderr).toContain('not valid UTF-8');
    const empty = file('empty.csv', 'kind,language,title,summary,topics,audiences,languages\n');
    expect(await dcp('import', 'offerings', empty, '--organisation', org)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('the file holds no records'),
    });
    expect(
      (await dcp('import', 'offerings', file('a.csv', 'x\n1\n'), '--organisation', '6f1c0b7e-0000-4000-8000-000000000000')).stderr,
    ).toContain('No organisation with id');
    expect(await dcp('demo', 'create')).toMatchObject({ code: 2, stderr: expect.stringContaining('demo takes one of generate, remove') });
    expect((await dcp('demo', 'generate', '--offerings=-3')).stderr).toContain('--offerings must be a whole number from 0 to 200000');
    expect((await dcp('demo', 'generate', '--needs', 'many')).stderr).toContain('--needs must be a whole number');
    expect((await dcp('demo', 'remove', '--seed', '3')).stderr).toContain(
      'demo remove does not take --seed; it is an option of demo generate',
    );
  });

  it('generates demo data with a seed and removes it', async () => {
    const generated = await dcp('demo', 'generate', '--offerings', '12', '--needs', '5', '--seed', '7');
    expect(JSON.parse(generated.stdout)).toEqual({ seed: 7, offerings: 12, needs: 5 });
    const removed = await dcp('demo', 'remove');
    expect(JSON.parse(removed.stdout)).toMatchObject({ offerings: 12, needs: 5 });
  });
});
