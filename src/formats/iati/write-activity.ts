/**
 * One Project → one `<iati-activity>`, its elements in the order the 2.03 schema's sequence
 * requires. Every narrative carries its `xml:lang`, so a reader needs no default to know it.
 * Booleans are written `1`/`0`, amounts and shares as plain decimals.
 */
import type { CountryCodes, MultilingualText, Money, Project } from '../../core/projects/index.js';
import {
  ACTIVITY_STATUS,
  BUDGET_STATUS,
  BUDGET_TYPE,
  CONTACT_TYPE,
  DESCRIPTION_TYPE,
  ORGANISATION_ROLE,
  ORGANISATION_TYPE,
  SDG_SECTOR_VOCABULARY,
  SDG_TAG_VOCABULARY,
  TRANSACTION_TYPE,
} from './codelists.js';
import { formatDecimal, type Attributes, type XmlWriter } from './xml-writer.js';

const DATE_TYPES = [
  ['1', 'plannedStart'],
  ['2', 'actualStart'],
  ['3', 'plannedEnd'],
  ['4', 'actualEnd'],
] as const;

function share(value: number | null): string | null {
  return value === null ? null : formatDecimal(value);
}

function flag(value: boolean | null): string | null {
  return value === null ? null : value ? '1' : '0';
}

function narratives(w: XmlWriter, text: MultilingualText): void {
  for (const narrative of text) w.text('narrative', [['xml:lang', narrative.lang]], narrative.text);
}

/** An element holding only narratives; empty text writes an empty element or, if `omitEmpty`, none. */
function textElement(w: XmlWriter, name: string, attributes: Attributes, text: MultilingualText, omitEmpty = false): void {
  if (text.length === 0) {
    if (!omitEmpty) w.empty(name, attributes);
    return;
  }
  w.open(name, attributes);
  narratives(w, text);
  w.close(name);
}

function money(w: XmlWriter, value: Money): void {
  w.text(
    'value',
    [
      ['currency', value.currency],
      ['value-date', value.valueDate],
    ],
    formatDecimal(value.amount),
  );
}

function parties(w: XmlWriter, p: Project): void {
  const org = p.reportingOrg;
  textElement(
    w,
    'reporting-org',
    [
      ['ref', org.ref],
      ['type', org.type === null ? null : ORGANISATION_TYPE.codeOf(org.type)],
      ['secondary-reporter', flag(org.secondaryReporter)],
    ],
    org.name,
  );
  textElement(w, 'title', [], p.title);
  for (const d of p.descriptions) textElement(w, 'description', [['type', DESCRIPTION_TYPE.codeOf(d.type)]], d.text);
  for (const o of p.participatingOrgs) {
    textElement(
      w,
      'participating-org',
      [
        ['ref', o.ref],
        ['type', o.type === null ? null : ORGANISATION_TYPE.codeOf(o.type)],
        ['role', ORGANISATION_ROLE.codeOf(o.role)],
        ['activity-id', o.activityId],
      ],
      o.name,
    );
  }
}

function statusAndDates(w: XmlWriter, p: Project): void {
  if (p.status !== null) w.empty('activity-status', [['code', ACTIVITY_STATUS.codeOf(p.status)]]);
  for (const [code, field] of DATE_TYPES) {
    const date = p.dates[field];
    if (date !== null) {
      w.empty('activity-date', [
        ['type', code],
        ['iso-date', date],
      ]);
    }
  }
}

function contacts(w: XmlWriter, p: Project): void {
  for (const c of p.contacts) {
    w.open('contact-info', [['type', c.type === null ? null : CONTACT_TYPE.codeOf(c.type)]]);
    textElement(w, 'organisation', [], c.organisation, true);
    textElement(w, 'department', [], c.department, true);
    textElement(w, 'person-name', [], c.personName, true);
    textElement(w, 'job-title', [], c.jobTitle, true);
    for (const t of c.telephones) w.text('telephone', [], t);
    for (const e of c.emails) w.text('email', [], e);
    for (const s of c.websites) w.text('website', [], s);
    for (const a of c.mailingAddresses) textElement(w, 'mailing-address', [], a);
    w.close('contact-info');
  }
}

function places(w: XmlWriter, p: Project, countries: CountryCodes): void {
  for (const c of p.recipientCountries) {
    w.empty('recipient-country', [
      ['code', countries.iso2Of(c.iso3) ?? c.iso3],
      ['percentage', share(c.percentage)],
    ]);
  }
  for (const r of p.recipientRegions) {
    w.empty('recipient-region', [
      ['code', r.code],
      ['vocabulary', r.vocabulary],
      ['vocabulary-uri', r.vocabularyUri],
      ['percentage', share(r.percentage)],
    ]);
  }
}

function vocabularyOf(table: Readonly<Record<string, string>>, level: string): string {
  return Object.entries(table).find(([, l]) => l === level)?.[0] ?? '';
}

function classifications(w: XmlWriter, p: Project): void {
  for (const s of p.sectors) {
    textElement(
      w,
      'sector',
      [
        ['vocabulary', s.vocabulary],
        ['vocabulary-uri', s.vocabularyUri],
        ['code', s.code],
        ['percentage', share(s.percentage)],
      ],
      s.name,
    );
  }
  for (const link of p.sdgs.filter((l) => l.via === 'sector')) {
    w.empty('sector', [
      ['vocabulary', vocabularyOf(SDG_SECTOR_VOCABULARY, link.level)],
      ['code', link.code],
      ['percentage', share(link.percentage)],
    ]);
  }
  for (const t of p.tags) {
    textElement(
      w,
      'tag',
      [
        ['vocabulary', t.vocabulary],
        ['vocabulary-uri', t.vocabularyUri],
        ['code', t.code],
      ],
      t.name,
    );
  }
  for (const link of p.sdgs.filter((l) => l.via === 'tag')) {
    w.empty('tag', [
      ['vocabulary', vocabularyOf(SDG_TAG_VOCABULARY, link.level)],
      ['code', link.code],
    ]);
  }
  for (const m of p.policyMarkers) {
    w.empty('policy-marker', [
      ['vocabulary', m.vocabulary],
      ['vocabulary-uri', m.vocabularyUri],
      ['code', m.code],
      ['significance', m.significance === null ? null : String(m.significance)],
    ]);
  }
}

function finance(w: XmlWriter, p: Project): void {
  for (const b of p.budgets) {
    w.open('budget', [
      ['type', BUDGET_TYPE.codeOf(b.type)],
      ['status', BUDGET_STATUS.codeOf(b.status)],
    ]);
    w.empty('period-start', [['iso-date', b.periodStart]]);
    w.empty('period-end', [['iso-date', b.periodEnd]]);
    money(w, b.value);
    w.close('budget');
  }
  for (const t of p.transactions) {
    w.open('transaction');
    w.empty('transaction-type', [['code', TRANSACTION_TYPE.codeOf(t.type)]]);
    w.empty('transaction-date', [['iso-date', t.date]]);
    money(w, t.value);
    w.close('transaction');
  }
}

function documents(w: XmlWriter, p: Project): void {
  for (const d of p.documentLinks) {
    w.open('document-link', [
      ['format', d.format],
      ['url', d.url],
    ]);
    textElement(w, 'title', [], d.title);
    textElement(w, 'description', [], d.description, true);
    for (const c of d.categories) w.empty('category', [['code', c]]);
    for (const l of d.languages) w.empty('language', [['code', l]]);
    if (d.date !== null) w.empty('document-date', [['iso-date', d.date]]);
    w.close('document-link');
  }
}

/** Writes the project as an `<iati-activity>`; the caller has checked it with iatiExportIssues. */
export function writeActivity(w: XmlWriter, p: Project, countries: CountryCodes): void {
  w.open('iati-activity', [
    ['last-updated-datetime', p.lastUpdated],
    ['xml:lang', p.defaultLanguage],
    ['default-currency', p.defaultCurrency],
    ['humanitarian', flag(p.humanitarian)],
  ]);
  w.text('iati-identifier', [], p.iatiIdentifier);
  parties(w, p);
  statusAndDates(w, p);
  contacts(w, p);
  places(w, p, countries);
  classifications(w, p);
  finance(w, p);
  documents(w, p);
  w.close('iati-activity');
}
