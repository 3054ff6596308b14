/**
 * Why a project cannot be written as a valid IATI 2.03 activity: the model's own validation,
 * plus what the IATI schema requires that the platform can live without (a status, a
 * description, a participating organisation, a date, the reporting organisation's type and
 * name), plus
 * countries without an ISO2 code in the caller's lookup.
 */
import { validateProject, type CountryCodes, type Project, type ProjectIssue } from '../../core/projects/index.js';

/** Every issue keeping `project` out of an IATI export; empty when it can be written. */
export function iatiExportIssues(project: Project, countries: CountryCodes): ProjectIssue[] {
  const issues = validateProject(project);
  const need = (missing: boolean, path: string, message: string) => {
    if (missing) issues.push({ path, message });
  };
  need(project.status === null, 'status', 'IATI requires an activity status');
  need(project.descriptions.length === 0, 'descriptions', 'IATI requires at least one description');
  need(project.participatingOrgs.length === 0, 'participatingOrgs', 'IATI requires at least one participating organisation');
  need(
    Object.values(project.dates).every((d) => d === null),
    'dates',
    'IATI requires at least one activity date',
  );
  need(project.reportingOrg.type === null, 'reportingOrg.type', 'IATI requires the reporting organisation type');
  need(project.reportingOrg.name.length === 0, 'reportingOrg.name', 'IATI requires the reporting organisation name');
  project.recipientCountries.forEach((country, i) => {
    need(countries.iso2Of(country.iso3) === undefined, `recipientCountries.${i}.iso3`, `${country.iso3} has no ISO 3166-1 alpha-2 code`);
  });
  return issues;
}

/** Thrown by the serialiser with every issue of every project that cannot be written. */
export class IatiExportError extends Error {
  override name = 'IatiExportError';
  constructor(readonly issues: readonly (ProjectIssue & { readonly iatiIdentifier: string })[]) {
    super(
      `${issues.length} issue(s) keep the projects from a valid IATI export: ${issues
        .slice(0, 5)
        .map((i) => `${i.iatiIdentifier} ${i.path}: ${i.message}`)
        .join('; ')}${issues.length > 5 ? '; …' : ''}`,
    );
  }
}
