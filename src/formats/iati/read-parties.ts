/** Who: the reporting organisation, participating organisations and contacts of an activity. */
import type { ContactInfo, MultilingualText, ParticipatingOrganisation, ReportingOrganisation } from '../../core/projects/index.js';
import { CONTACT_TYPE, ORGANISATION_ROLE, ORGANISATION_TYPE } from './codelists.js';
import type { ReadContext } from './read-context.js';
import { optionalAttr, readBoolean, readCode, readNarratives, readPlainText, requiredAttr, single } from './read-values.js';
import type { XmlNode } from './xml-node.js';

const NOT_EXPORTABLE = 'the project is imported but cannot be exported as valid IATI until it has one';

/** The reporting organisation, or `null` (reported) when it or its `ref` is missing. */
export function readReportingOrg(activity: XmlNode, ctx: ReadContext): ReportingOrganisation | null {
  const node = single(activity, 'reporting-org', ctx);
  if (node === undefined) {
    ctx.problems.add(
      activity,
      'missing-required',
      'error',
      'the activity has no <reporting-org>; it is not imported (every project belongs to an organisation)',
    );
    return null;
  }
  const ref = requiredAttr(node, 'ref', ctx, 'the activity is not imported (every project belongs to an organisation)');
  if (ref === null) return null;
  const type = readCode(node, 'type', ORGANISATION_TYPE, ctx, 'the type is left out');
  if (type === null && optionalAttr(node, 'type') === null) {
    ctx.problems.add(node, 'missing-required', 'warning', `<reporting-org> has no type; ${NOT_EXPORTABLE}`);
  }
  const name = readNarratives(node, ctx);
  if (name.length === 0) {
    ctx.problems.add(node, 'missing-required', 'warning', `<reporting-org> has no name narrative; ${NOT_EXPORTABLE}`);
  }
  return { ref, type, secondaryReporter: readBoolean(node, 'secondary-reporter', ctx), name };
}

export function readParticipatingOrgs(activity: XmlNode, ctx: ReadContext): ParticipatingOrganisation[] {
  const orgs: ParticipatingOrganisation[] = [];
  for (const node of activity.all('participating-org')) {
    const roleCode = requiredAttr(node, 'role', ctx, 'this organisation is not imported');
    if (roleCode === null) continue;
    const role = ORGANISATION_ROLE.nameOf(roleCode);
    if (role === undefined) {
      ctx.problems.add(
        node,
        'unknown-code',
        'error',
        `<participating-org> @role "${roleCode}" is not in the IATI OrganisationRole codelist (1–4); this organisation is not imported`,
      );
      continue;
    }
    orgs.push({
      role,
      ref: optionalAttr(node, 'ref'),
      type: readCode(node, 'type', ORGANISATION_TYPE, ctx, 'the type is left out'),
      activityId: optionalAttr(node, 'activity-id'),
      name: readNarratives(node, ctx),
    });
  }
  return orgs;
}

function textOf(contact: XmlNode, name: string, ctx: ReadContext): MultilingualText {
  const node = single(contact, name, ctx);
  return node === undefined ? [] : readNarratives(node, ctx);
}

function plainTexts(contact: XmlNode, name: string, ctx: ReadContext): string[] {
  return contact
    .all(name)
    .map((node) => readPlainText(node, ctx))
    .filter((text): text is string => text !== null);
}

export function readContacts(activity: XmlNode, ctx: ReadContext): ContactInfo[] {
  return activity.all('contact-info').map((node) => ({
    type: readCode(node, 'type', CONTACT_TYPE, ctx, 'the type is left out'),
    organisation: textOf(node, 'organisation', ctx),
    department: textOf(node, 'department', ctx),
    personName: textOf(node, 'person-name', ctx),
    jobTitle: textOf(node, 'job-title', ctx),
    telephones: plainTexts(node, 'telephone', ctx),
    emails: plainTexts(node, 'email', ctx),
    websites: plainTexts(node, 'website', ctx),
    mailingAddresses: node
      .all('mailing-address')
      .map((address) => readNarratives(address, ctx))
      .filter((text) => text.length > 0),
  }));
}
