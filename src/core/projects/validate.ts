/**
 * Whether a project is one the platform can hold, show and export: required parts present, every
 * value plausible (dates real days in a sane range, amounts finite, shares within 0–100, codes of
 * the right shape) and all text writable as XML. Returns every issue at once, each with the path
 * of the field, so a form can mark them all and an exporter can refuse with a useful message.
 */
import { sdgGoalOf } from './sdg.js';
import type { MultilingualText, Money, Project } from './types.js';
import { canonicalLanguage, isCurrencyCode, isDateTime, isIso3, isIsoDate, isPercentage, isPlausibleAmount, isXmlSafe } from './values.js';

export interface ProjectIssue {
  /** Dotted path of the field, e.g. `budgets.2.value.amount`. */
  readonly path: string;
  readonly message: string;
}

type Report = (path: string, message: string) => void;

function checkString(value: string, path: string, report: Report): void {
  if (value.trim() === '') report(path, 'must not be empty');
  else if (value !== value.trim()) report(path, 'must not start or end with white space');
  else if (!isXmlSafe(value)) report(path, 'contains control characters that cannot be exported');
}

function checkOptionalString(value: string | null, path: string, report: Report): void {
  if (value !== null) checkString(value, path, report);
}

function checkText(text: MultilingualText, path: string, project: Project, report: Report): void {
  text.forEach((narrative, i) => {
    checkString(narrative.text, `${path}.${i}.text`, report);
    if (narrative.lang === null) {
      if (project.defaultLanguage !== null) report(`${path}.${i}.lang`, 'must be set when the project has a default language');
    } else if (canonicalLanguage(narrative.lang) !== narrative.lang) {
      report(`${path}.${i}.lang`, `"${narrative.lang}" is not a canonical language tag`);
    }
  });
}

function checkDate(value: string | null, path: string, report: Report): void {
  if (value !== null && !isIsoDate(value)) report(path, `"${value}" is not a day YYYY-MM-DD between 1900 and 2200`);
}

function checkPercentage(value: number | null, path: string, report: Report): void {
  if (value !== null && !isPercentage(value)) report(path, `${value} is not a share between 0 and 100`);
}

function checkMoney(money: Money, path: string, project: Project, report: Report): void {
  if (money.currency === null && project.defaultCurrency === null)
    report(`${path}.currency`, 'needs a currency, or the project a default currency');
  if (!isPlausibleAmount(money.amount)) report(`${path}.amount`, `${money.amount} is not a plausible amount`);
  if (money.currency !== null && !isCurrencyCode(money.currency)) report(`${path}.currency`, `"${money.currency}" is not an ISO 4217 code`);
  checkDate(money.valueDate, `${path}.valueDate`, report);
}

function checkCode(value: string, path: string, report: Report): void {
  checkString(value, path, report);
}

function checkParties(project: Project, report: Report): void {
  checkString(project.reportingOrg.ref, 'reportingOrg.ref', report);
  checkText(project.reportingOrg.name, 'reportingOrg.name', project, report);
  project.participatingOrgs.forEach((org, i) => {
    checkOptionalString(org.ref, `participatingOrgs.${i}.ref`, report);
    checkOptionalString(org.activityId, `participatingOrgs.${i}.activityId`, report);
    checkText(org.name, `participatingOrgs.${i}.name`, project, report);
  });
  project.contacts.forEach((contact, i) => {
    const at = `contacts.${i}`;
    checkText(contact.organisation, `${at}.organisation`, project, report);
    checkText(contact.department, `${at}.department`, project, report);
    checkText(contact.personName, `${at}.personName`, project, report);
    checkText(contact.jobTitle, `${at}.jobTitle`, project, report);
    contact.telephones.forEach((v, j) => checkString(v, `${at}.telephones.${j}`, report));
    contact.emails.forEach((v, j) => checkString(v, `${at}.emails.${j}`, report));
    contact.websites.forEach((v, j) => checkString(v, `${at}.websites.${j}`, report));
    contact.mailingAddresses.forEach((v, j) => checkText(v, `${at}.mailingAddresses.${j}`, project, report));
  });
}

function checkPlaces(project: Project, report: Report): void {
  project.recipientCountries.forEach((c, i) => {
    if (!isIso3(c.iso3)) report(`recipientCountries.${i}.iso3`, `"${c.iso3}" is not an ISO 3166-1 alpha-3 code`);
    checkPercentage(c.percentage, `recipientCountries.${i}.percentage`, report);
  });
  project.recipientRegions.forEach((r, i) => {
    checkCode(r.vocabulary, `recipientRegions.${i}.vocabulary`, report);
    checkOptionalString(r.vocabularyUri, `recipientRegions.${i}.vocabularyUri`, report);
    checkCode(r.code, `recipientRegions.${i}.code`, report);
    checkPercentage(r.percentage, `recipientRegions.${i}.percentage`, report);
  });
}

function checkClassifications(project: Project, report: Report): void {
  project.sectors.forEach((s, i) => {
    checkCode(s.vocabulary, `sectors.${i}.vocabulary`, report);
    if (['7', '8', '9'].includes(s.vocabulary)) report(`sectors.${i}.vocabulary`, 'SDG vocabularies (7, 8, 9) belong in sdgs');
    checkOptionalString(s.vocabularyUri, `sectors.${i}.vocabularyUri`, report);
    checkCode(s.code, `sectors.${i}.code`, report);
    checkPercentage(s.percentage, `sectors.${i}.percentage`, report);
    checkText(s.name, `sectors.${i}.name`, project, report);
  });
  project.tags.forEach((t, i) => {
    checkCode(t.vocabulary, `tags.${i}.vocabulary`, report);
    if (['2', '3'].includes(t.vocabulary)) report(`tags.${i}.vocabulary`, 'SDG vocabularies (2, 3) belong in sdgs');
    checkOptionalString(t.vocabularyUri, `tags.${i}.vocabularyUri`, report);
    checkCode(t.code, `tags.${i}.code`, report);
    checkText(t.name, `tags.${i}.name`, project, report);
  });
  project.sdgs.forEach((link, i) => {
    if (sdgGoalOf(link.level, link.code) === null) report(`sdgs.${i}.code`, `"${link.code}" is not an SDG ${link.level} code`);
    if (link.via === 'tag' && link.level === 'indicator') report(`sdgs.${i}.via`, 'IATI tags carry SDG goals and targets only');
    if (link.via === 'tag' && link.percentage !== null) report(`sdgs.${i}.percentage`, 'only sector-borne links have a share');
    checkPercentage(link.percentage, `sdgs.${i}.percentage`, report);
  });
  project.policyMarkers.forEach((m, i) => {
    checkCode(m.vocabulary, `policyMarkers.${i}.vocabulary`, report);
    checkOptionalString(m.vocabularyUri, `policyMarkers.${i}.vocabularyUri`, report);
    checkCode(m.code, `policyMarkers.${i}.code`, report);
    if (m.significance !== null && !(Number.isInteger(m.significance) && m.significance >= 0 && m.significance <= 4)) {
      report(`policyMarkers.${i}.significance`, 'must be a whole number from 0 to 4');
    }
  });
}

function checkFinance(project: Project, report: Report): void {
  if (project.defaultCurrency !== null && !isCurrencyCode(project.defaultCurrency)) {
    report('defaultCurrency', `"${project.defaultCurrency}" is not an ISO 4217 code`);
  }
  project.budgets.forEach((b, i) => {
    checkDate(b.periodStart, `budgets.${i}.periodStart`, report);
    checkDate(b.periodEnd, `budgets.${i}.periodEnd`, report);
    if (b.periodEnd < b.periodStart) report(`budgets.${i}.periodEnd`, 'ends before it starts');
    checkMoney(b.value, `budgets.${i}.value`, project, report);
  });
  project.transactions.forEach((t, i) => {
    checkDate(t.date, `transactions.${i}.date`, report);
    checkMoney(t.value, `transactions.${i}.value`, project, report);
  });
}

function checkDocuments(project: Project, report: Report): void {
  project.documentLinks.forEach((d, i) => {
    const at = `documentLinks.${i}`;
    checkString(d.url, `${at}.url`, report);
    checkString(d.format, `${at}.format`, report);
    if (d.title.length === 0) report(`${at}.title`, 'needs at least one narrative');
    checkText(d.title, `${at}.title`, project, report);
    checkText(d.description, `${at}.description`, project, report);
    if (d.categories.length === 0) report(`${at}.categories`, 'needs at least one category');
    d.categories.forEach((c, j) => checkCode(c, `${at}.categories.${j}`, report));
    d.languages.forEach((l, j) => {
      if (canonicalLanguage(l) !== l) report(`${at}.languages.${j}`, `"${l}" is not a canonical language tag`);
    });
    checkDate(d.date, `${at}.date`, report);
  });
}

/**
 * Every issue that keeps the project from being held and exported as it is; empty when valid.
 * @example validateProject({ ...project, title: [] }) // [{ path: 'title', message: 'needs at least one narrative' }]
 */
export function validateProject(project: Project): ProjectIssue[] {
  const issues: ProjectIssue[] = [];
  const report: Report = (path, message) => issues.push({ path, message });
  checkString(project.iatiIdentifier, 'iatiIdentifier', report);
  if (project.lastUpdated !== null && !isDateTime(project.lastUpdated))
    report('lastUpdated', `"${project.lastUpdated}" is not a date and time`);
  if (project.defaultLanguage !== null && canonicalLanguage(project.defaultLanguage) !== project.defaultLanguage) {
    report('defaultLanguage', `"${project.defaultLanguage}" is not a canonical language tag`);
  }
  if (project.title.length === 0) report('title', 'needs at least one narrative');
  checkText(project.title, 'title', project, report);
  project.descriptions.forEach((d, i) => {
    if (d.text.length === 0) report(`descriptions.${i}.text`, 'needs at least one narrative');
    checkText(d.text, `descriptions.${i}.text`, project, report);
  });
  const { plannedStart, actualStart, plannedEnd, actualEnd } = project.dates;
  checkDate(plannedStart, 'dates.plannedStart', report);
  checkDate(actualStart, 'dates.actualStart', report);
  checkDate(plannedEnd, 'dates.plannedEnd', report);
  checkDate(actualEnd, 'dates.actualEnd', report);
  checkParties(project, report);
  checkPlaces(project, report);
  checkClassifications(project, report);
  checkFinance(project, report);
  checkDocuments(project, report);
  return issues;
}

/** The currency an amount is in: its own, else the project's default, else unknown. */
export function currencyOf(money: Money, project: Pick<Project, 'defaultCurrency'>): string | null {
  return money.currency ?? project.defaultCurrency;
}
