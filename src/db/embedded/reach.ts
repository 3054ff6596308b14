/**
 * Whether the unprivileged account PostgreSQL runs as (when we are root) can
 * reach a path: it needs search permission on every directory on the way. A
 * checkout under a private home (`/root` is 0700) puts both the npm-shipped
 * binaries and the default DCP_HOME out of its reach; the embedded layout
 * (`layout.ts`) then keeps a copy of the binaries and the cluster elsewhere.
 *
 * Judged from owners and mode bits, the way the kernel does for a process with
 * one uid and one gid and no supplementary groups (Node's spawn with uid/gid drops them).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { RunAs } from './run-as.js';

export interface Blocked {
  /** The first directory on the way that the account may not enter. */
  readonly directory: string;
  /** Its mode, as `0700`. */
  readonly mode: string;
}

/**
 * The first directory on the way to `target` (itself included when it is a directory)
 * that `account` cannot enter; undefined when it can reach it. Parts that do not exist
 * yet are not judged (they will be made by us, with modes we choose).
 * @example firstBlocked({ uid: 65534, gid: 65534, name: 'nobody' }, '/root/dcp/.dcp') // { directory: '/root', mode: '0700' }
 */
export function firstBlocked(account: RunAs, target: string): Blocked | undefined {
  const absolute = path.resolve(target);
  const parts = absolute.split(path.sep).filter(Boolean);
  let current: string = path.sep;
  for (let i = 0; i <= parts.length; i++) {
    if (i > 0) current = path.join(current, parts[i - 1]!);
    let stats;
    try {
      stats = statSync(current);
    } catch {
      return undefined;
    }
    if (!stats.isDirectory()) return undefined;
    if (!allows(account, stats, 0o1)) return { directory: current, mode: `0${(stats.mode & 0o777).toString(8)}` };
  }
  return undefined;
}

/** Whether the account may execute `file` (and so run it), judged as above. */
export function canExecute(account: RunAs, file: string): boolean {
  if (firstBlocked(account, path.dirname(file))) return false;
  try {
    return allows(account, statSync(file), 0o1);
  } catch {
    return false;
  }
}

/** `bit` is 1 (execute/search), 2 (write) or 4 (read), checked in the class that applies to the account. */
function allows(account: RunAs, stats: { uid: number; gid: number; mode: number }, bit: number): boolean {
  if (stats.uid === account.uid) return (stats.mode & (bit << 6)) !== 0;
  if (stats.gid === account.gid) return (stats.mode & (bit << 3)) !== 0;
  return (stats.mode & bit) !== 0;
}
