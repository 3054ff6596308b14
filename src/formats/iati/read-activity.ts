/**
 * One `<iati-activity>` → one Project. The order of work follows what the platform cannot do
 * without: an identifier, a reporting organisation (the owner) and a title; without any of them
 * the activity is not imported. Everything else is read item by item, and an unusable item is
 * reported and left out while the rest of the activity imports. Parts IATI requires but the
 * platform can live without (status, a description, participants, a date) are warned about:
 * the project imports, but an IATI export refuses it until they are added.
 */
import { isXmlSafe, type ActivityStatus, type Project, type ProjectDates, type ProjectDescription } from '../../core/projects/index.js';
import { ACTIVITY_DATE_FIELD, ACTIVITY_STATUS, DESCRIPTION_TYPE } from './codelists.js';
import type { ReadContext } from './read-context.js';
import {
  checkPercentages,
  readClassifications,
  readPolicyMarkers,
  readRecipientCountries,
  readRecipientRegions,
} from './read-classifications.js';
import { readDocumentLinks } from './read-documents.js';
import { readBudgets, readCurrency, readTransactions } from './read-finance.js';
import { readContacts, readParticipatingOrgs, readReportingOrg } from './read-parties.js';
import { readBoolean, readCode, readDate, readDateTime, readLanguage, readNarratives, requiredAttr, single } from './read-values.js';
import type { XmlNode } from './xml-node.js';

const NOT_EXPORTABLE = 'the project is imported but cannot be exported as valid IATI until it has one';

function readIdentifier(activity: XmlNode, ctx: ReadContext): string | null {
  const node = single(activity, 'iati-identifier', ctx);
  const identifier = node?.readText().trim() ?? '';
  if (identifier === '' || !isXmlSafe(identifier)) {
    ctx.problems.add(activity, 'missing-required', 'error', 'the activity has no <iati-identifier>; it is not imported');
    return null;
  }
  return identifier;
}

function readDescriptions(activity: XmlNode, ctx: ReadContext): ProjectDescription[] {
  const descriptions: ProjectDescription[] = [];
  for (const node of activity.all('description')) {
    const type = readCode(node, 'type', DESCRIPTION_TYPE, ctx, 'read as general') ?? 'general';
    const text = readNarratives(node, ctx);
    if (text.length === 0) ctx.problems.add(node, 'missing-required', 'warning', '<description> has no narrative; it is left out');
    else descriptions.push({ type, text });
  }
  return descriptions;
}

function readStatus(activity: XmlNode, ctx: ReadContext): ActivityStatus | null {
  const node = single(activity, 'activity-status', ctx);
  if (node === undefined) return null;
  const code = requiredAttr(node, 'code', ctx, 'the status is left out');
  if (code === null) return null;
  const status = ACTIVITY_STATUS.nameOf(code);
  if (status === undefined) {
    ctx.problems.add(
      node,
      'unknown-code',
      'warning',
      `<activity-status> code "${code}" is not in the IATI ActivityStatus codelist (1–6); the status is left out`,
    );
    return null;
  }
  return status;
}

function readDates(activity: XmlNode, ctx: ReadContext): ProjectDates {
  const dates: { -readonly [K in keyof ProjectDates]: string | null } = {
    plannedStart: null,
    actualStart: null,
    plannedEnd: null,
    actualEnd: null,
  };
  for (const node of activity.all('activity-date')) {
    const type = requiredAttr(node, 'type', ctx, 'this date is not imported');
    if (type === null) continue;
    const field = (ACTIVITY_DATE_FIELD as Record<string, keyof ProjectDates>)[type];
    if (field === undefined) {
      ctx.problems.add(
        node,
        'unknown-code',
        'error',
        `<activity-date> type "${type}" is not in the IATI ActivityDateType codelist (1–4); this date is not imported`,
      );
      continue;
    }
    const date = readDate(node, 'iso-date', ctx, 'this date is not imported');
    if (date === null) continue;
    if (dates[field] !== null) {
      ctx.problems.add(node, 'duplicate', 'warning', `a second <activity-date> of type ${type}; the first (${dates[field]}) is kept`);
      continue;
    }
    dates[field] = date;
  }
  return dates;
}

/** Warns, once per missing part, about what an IATI export will need. */
function warnExportGaps(activity: XmlNode, project: Project, ctx: ReadContext): void {
  const gaps: [boolean, string][] = [
    [project.status === null, '<activity-status>'],
    [project.descriptions.length === 0, '<description>'],
    [project.participatingOrgs.length === 0, '<participating-org>'],
    [Object.values(project.dates).every((d) => d === null), '<activity-date>'],
  ];
  for (const [missing, what] of gaps) {
    if (missing) ctx.problems.add(activity, 'missing-required', 'warning', `the activity has no usable ${what}; ${NOT_EXPORTABLE}`);
  }
}

/** The project an activity describes, or `null` when it lacks what the platform cannot do without. */
export function readActivity(activity: XmlNode, ctx: ReadContext): Project | null {
  activity.used = true;
  const iatiIdentifier = readIdentifier(activity, ctx);
  if (iatiIdentifier === null) return null;
  ctx.problems.activity = iatiIdentifier;
  const firstLine = ctx.seenIdentifiers.get(iatiIdentifier);
  if (firstLine !== undefined) {
    ctx.problems.add(
      activity,
      'duplicate-identifier',
      'error',
      `a second activity ${iatiIdentifier} (the first is on line ${firstLine}); it is not imported`,
    );
    return null;
  }
  const rawLang = activity.attr('xml:lang');
  ctx.defaultLanguage = rawLang === undefined ? null : readLanguage(activity, rawLang, ctx);
  const reportingOrg = readReportingOrg(activity, ctx);
  if (reportingOrg === null) return null;
  const titleNode = single(activity, 'title', ctx);
  const title = titleNode === undefined ? [] : readNarratives(titleNode, ctx);
  if (title.length === 0) {
    const hint =
      titleNode !== undefined && titleNode.text.trim() !== '' ? ' (text directly inside <title>, as IATI 1 wrote it, is not read)' : '';
    ctx.problems.add(titleNode ?? activity, 'missing-required', 'error', `the activity has no title narrative${hint}; it is not imported`);
    return null;
  }
  const defaultCurrency = readCurrency(activity, 'default-currency', ctx) ?? null;
  const recipientCountries = readRecipientCountries(activity, ctx);
  const recipientRegions = readRecipientRegions(activity, ctx);
  const classifications = readClassifications(activity, ctx);
  checkPercentages(activity, { countries: recipientCountries, regions: recipientRegions }, classifications, ctx);
  const project: Project = {
    iatiIdentifier,
    lastUpdated: readDateTime(activity, 'last-updated-datetime', ctx),
    defaultLanguage: ctx.defaultLanguage,
    defaultCurrency,
    humanitarian: readBoolean(activity, 'humanitarian', ctx),
    reportingOrg,
    title,
    descriptions: readDescriptions(activity, ctx),
    participatingOrgs: readParticipatingOrgs(activity, ctx),
    status: readStatus(activity, ctx),
    dates: readDates(activity, ctx),
    contacts: readContacts(activity, ctx),
    recipientCountries,
    recipientRegions,
    ...classifications,
    policyMarkers: readPolicyMarkers(activity, ctx),
    budgets: readBudgets(activity, ctx, defaultCurrency),
    transactions: readTransactions(activity, ctx, defaultCurrency),
    documentLinks: readDocumentLinks(activity, ctx),
  };
  warnExportGaps(activity, project, ctx);
  ctx.seenIdentifiers.set(iatiIdentifier, activity.line);
  return project;
}
