/**
 * The `AGENCY:ID(VERSION)` reference every SDMX-CSV row starts with, optionally followed by
 * ": Name" when the message carries labels. Kept apart because both layouts and both directions
 * (parse and serialise) need exactly the same reading of it.
 */
import type { SdmxStructureRef, SdmxStructureType } from './types.js';

// Agency ids may be nested with dots (SDMX.UIS); artefact ids use SDMX's id characters;
// the version is whatever sits in the brackets ("1.6.0", "1.0", "+" wildcards in queries).
const REFERENCE = /^([A-Za-z][A-Za-z0-9_.-]*):([A-Za-z0-9_@$-]+)(?:\(([^()]+)\))?(?:: ([\s\S]*))?$/;

export interface ParsedStructureRef {
  readonly ref: SdmxStructureRef;
  readonly name: string | null;
}

/**
 * Read `AGENCY:ID(VERSION)` and an optional ": Name" after it; `null` when the text is not a
 * reference.
 *
 * @example
 * parseStructureRef('dataflow', 'ESTAT:NA_MAIN(1.6.0): National Accounts');
 * // { ref: { type: 'dataflow', agency: 'ESTAT', id: 'NA_MAIN', version: '1.6.0' }, name: 'National Accounts' }
 */
export function parseStructureRef(type: SdmxStructureType, text: string): ParsedStructureRef | null {
  const match = REFERENCE.exec(text);
  if (match === null) return null;
  const [, agency, id, version, name] = match;
  if (agency === undefined || id === undefined) return null;
  return { ref: { type, agency, id, version: version ?? null }, name: name ?? null };
}

/**
 * Write a reference back as `AGENCY:ID(VERSION)`, without the version when it has none.
 *
 * @example
 * formatStructureRef({ type: 'dataflow', agency: 'UN', id: 'DF_SDG_GLH', version: '1.18' }); // 'UN:DF_SDG_GLH(1.18)'
 */
export function formatStructureRef(ref: SdmxStructureRef): string {
  return `${ref.agency}:${ref.id}${ref.version === null ? '' : `(${ref.version})`}`;
}
