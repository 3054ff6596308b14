/**
 * Projects → an IATI 2.03 activity file that validates against iati-activities-schema.xsd.
 * Projects that cannot be written validly are refused all together (IatiExportError lists every
 * issue), never skipped in silence: check them first with `iatiExportIssues` to export the rest.
 */
import { isDateTime, type CountryCodes, type Project } from '../../core/projects/index.js';
import { IatiExportError, iatiExportIssues } from './export-issues.js';
import { writeActivity } from './write-activity.js';
import { XmlWriter } from './xml-writer.js';

export interface SerialiseIatiOptions {
  /** When the file was made (xsd:dateTime, e.g. `new Date().toISOString()`); passed in to keep this pure. */
  readonly generatedDatetime: string;
  /** ISO3 → ISO2 for recipient countries. */
  readonly countries: CountryCodes;
}

/**
 * @example
 * const xml = serialiseIatiActivities(projects, { generatedDatetime: '2026-11-30T12:00:00Z', countries });
 * @throws IatiExportError when a project cannot be written as valid IATI
 */
export function serialiseIatiActivities(projects: readonly Project[], options: SerialiseIatiOptions): string {
  if (!isDateTime(options.generatedDatetime)) {
    throw new RangeError(`generatedDatetime "${options.generatedDatetime}" is not an xsd:dateTime`);
  }
  const issues = projects.flatMap((project) =>
    iatiExportIssues(project, options.countries).map((issue) => ({ ...issue, iatiIdentifier: project.iatiIdentifier })),
  );
  const identifiers = new Set<string>();
  for (const project of projects) {
    if (identifiers.has(project.iatiIdentifier))
      issues.push({ iatiIdentifier: project.iatiIdentifier, path: 'iatiIdentifier', message: 'appears twice in the export' });
    identifiers.add(project.iatiIdentifier);
  }
  if (projects.length === 0) issues.push({ iatiIdentifier: '', path: '', message: 'an IATI activity file holds at least one activity' });
  if (issues.length > 0) throw new IatiExportError(issues);
  const w = new XmlWriter();
  w.open('iati-activities', [
    ['version', '2.03'],
    ['generated-datetime', options.generatedDatetime],
  ]);
  for (const project of projects) writeActivity(w, project, options.countries);
  w.close('iati-activities');
  return w.toString();
}
