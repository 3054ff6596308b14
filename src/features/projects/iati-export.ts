/**
 * Projects as an IATI 2.03 activity file that validates against the schema
 * (src/formats/iati serialises; this module chooses what to write). A filtered set writes every
 * project that can be written validly and names the others, with why, in a comment at the top of
 * the file and a count in a header — never a silent skip; one project that cannot be written is a
 * 409 listing what is missing.
 */
import { countryCodesFromPairs, type CountryCodes, type Project as Activity } from '../../core/projects/index.js';
import type { Db } from '../../db/database.js';
import { iatiExportIssues, serialiseIatiActivities } from '../../formats/iati/index.js';
import { AppError } from '../../http/app-error.js';
import { t } from '../../i18n/i18n.js';
import type { Language } from '../../shared/localised.js';
import { exportCountries } from '../reference/index.js';
import { iatiNow } from './activity.js';
import { activityOf, type ProjectRow } from './record.js';

/** ISO2 ⇄ ISO3 from the reference data, plus Kosovo (in IATI's Country codelist, not in M49). */
export async function countryCodes(db: Db): Promise<CountryCodes> {
  const countries = await exportCountries(db);
  return countryCodesFromPairs([
    ...countries.flatMap((c) => (c.iso2 && c.iso3 ? [{ iso2: c.iso2, iso3: c.iso3 }] : [])),
    { iso2: 'XK', iso3: 'XKX' },
  ]);
}

export interface IatiExport {
  readonly xml: string;
  readonly exported: number;
  readonly skipped: readonly { readonly id: string; readonly iatiIdentifier: string; readonly issues: readonly string[] }[];
}

/** Text safe inside an XML comment (no `--`, no control characters). */
function commentText(text: string): string {
  const dashesApart = text.replace(/-{2,}/g, (dashes) => dashes.split('').join(' '));
  // XML 1.0 allows tab, line feed and carriage return only among the C0 control characters.
  return [...dashesApart].map((ch) => (ch < ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r' ? ' ' : ch)).join('');
}

/**
 * @example const { xml, skipped } = await exportIati(db, rows, 'en')
 */
export async function exportIati(db: Db, rows: readonly ProjectRow[], lang: Language): Promise<IatiExport> {
  const countries = await countryCodes(db);
  const writable: Activity[] = [];
  const skipped: { id: string; iatiIdentifier: string; issues: string[] }[] = [];
  for (const row of rows) {
    const activity = activityOf(row);
    const issues = iatiExportIssues(activity, countries);
    if (issues.length === 0) writable.push(activity);
    else skipped.push({ id: row.id, iatiIdentifier: row.iati_identifier, issues: issues.map((i) => `${i.path}: ${i.message}`) });
  }
  if (writable.length === 0) {
    throw new AppError(
      'conflict',
      rows.length === 0
        ? 'No project matches: an IATI activity file holds at least one activity'
        : `None of the ${rows.length} matching projects can be written as valid IATI yet`,
      skipped.flatMap((s) => s.issues.map((message) => ({ field: s.id, message }))).slice(0, 50),
    );
  }
  let xml = serialiseIatiActivities(writable, { generatedDatetime: iatiNow(new Date()), countries });
  if (skipped.length > 0) {
    const lines = [
      t(lang, 'projects.export.skipped', { count: skipped.length }),
      ...skipped.map((s) => `${s.id} (${s.iatiIdentifier}): ${s.issues.join('; ')}`),
    ];
    const [declaration, ...rest] = xml.split('\n');
    xml = [declaration, `<!--\n${lines.map((l) => `  ${commentText(l)}`).join('\n')}\n-->`, ...rest].join('\n');
  }
  return { xml, exported: writable.length, skipped };
}

/** One project's file, or a 409 naming everything it still lacks. */
export async function exportOneIati(db: Db, row: ProjectRow, lang: Language): Promise<string> {
  const countries = await countryCodes(db);
  const issues = iatiExportIssues(activityOf(row), countries);
  if (issues.length > 0) {
    throw new AppError(
      'conflict',
      `This project cannot be written as valid IATI yet: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues.map((i) => ({ field: i.path, message: i.message })),
    );
  }
  return (await exportIati(db, [row], lang)).xml;
}
