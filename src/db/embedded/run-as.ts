/**
 * PostgreSQL refuses to run as root. When we are root we run its binaries as an
 * existing unprivileged account (`nobody` by default) instead of adding users to
 * the host, and hand that account the data directory it needs.
 */
import { readFileSync } from 'node:fs';

export interface RunAs {
  readonly uid: number;
  readonly gid: number;
  readonly name: string;
}

/**
 * The account to run PostgreSQL as: undefined when we are not root (run as ourselves).
 * @example unprivilegedAccount() // { uid: 65534, gid: 65534, name: 'nobody' } under root
 */
export function unprivilegedAccount(preferred = 'nobody', passwd = '/etc/passwd'): RunAs | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const line = readFileSync(passwd, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${preferred}:`));
  const fields = line?.split(':');
  const uid = Number(fields?.[2]);
  const gid = Number(fields?.[3]);
  if (!fields || !Number.isInteger(uid) || !Number.isInteger(gid) || uid === 0) {
    throw new Error(`Running as root, but no unprivileged account "${preferred}" to run PostgreSQL as was found in ${passwd}`);
  }
  return { uid, gid, name: preferred };
}
