/**
 * The IATI 2.03 codelists the project model names, code → name, and their reverse for export.
 * Codes outside these lists are reported as `unknown-code` on import.
 */
import type {
  ActivityStatus,
  BudgetStatus,
  BudgetType,
  ContactType,
  DescriptionType,
  OrganisationRole,
  OrganisationType,
  TransactionType,
} from '../../core/projects/index.js';

export interface Codelist<Name extends string> {
  /** The IATI codelist's name, for messages. */
  readonly title: string;
  nameOf(code: string): Name | undefined;
  codeOf(name: Name): string;
  readonly codes: readonly string[];
}

function codelist<Name extends string>(title: string, byCode: Readonly<Record<string, Name>>): Codelist<Name> {
  const byName = new Map<Name, string>(Object.entries(byCode).map(([code, name]) => [name, code]));
  return {
    title,
    nameOf: (code) => (Object.hasOwn(byCode, code) ? byCode[code] : undefined),
    codeOf: (name) => byName.get(name) ?? '',
    codes: Object.keys(byCode),
  };
}

export const ACTIVITY_STATUS = codelist<ActivityStatus>('ActivityStatus', {
  '1': 'pipeline',
  '2': 'implementation',
  '3': 'finalisation',
  '4': 'closed',
  '5': 'cancelled',
  '6': 'suspended',
});

export const ORGANISATION_ROLE = codelist<OrganisationRole>('OrganisationRole', {
  '1': 'funding',
  '2': 'accountable',
  '3': 'extending',
  '4': 'implementing',
});

export const ORGANISATION_TYPE = codelist<OrganisationType>('OrganisationType', {
  '10': 'government',
  '11': 'local-government',
  '15': 'other-public-sector',
  '21': 'international-ngo',
  '22': 'national-ngo',
  '23': 'regional-ngo',
  '24': 'partner-country-ngo',
  '30': 'public-private-partnership',
  '40': 'multilateral',
  '60': 'foundation',
  '70': 'private-sector',
  '71': 'private-sector-provider-country',
  '72': 'private-sector-recipient-country',
  '73': 'private-sector-third-country',
  '80': 'academic-training-research',
  '90': 'other',
});

export const DESCRIPTION_TYPE = codelist<DescriptionType>('DescriptionType', {
  '1': 'general',
  '2': 'objectives',
  '3': 'target-groups',
  '4': 'other',
});

export const CONTACT_TYPE = codelist<ContactType>('ContactType', {
  '1': 'general',
  '2': 'project-management',
  '3': 'financial',
  '4': 'communications',
});

export const BUDGET_TYPE = codelist<BudgetType>('BudgetType', { '1': 'original', '2': 'revised' });

export const BUDGET_STATUS = codelist<BudgetStatus>('BudgetStatus', { '1': 'indicative', '2': 'committed' });

export const TRANSACTION_TYPE = codelist<TransactionType>('TransactionType', {
  '1': 'incoming-funds',
  '2': 'outgoing-commitment',
  '3': 'disbursement',
  '4': 'expenditure',
  '5': 'interest-payment',
  '6': 'loan-repayment',
  '7': 'reimbursement',
  '8': 'purchase-of-equity',
  '9': 'sale-of-equity',
  '10': 'credit-guarantee',
  '11': 'incoming-commitment',
  '12': 'outgoing-pledge',
  '13': 'incoming-pledge',
});

/** ActivityDateType codes → the project's date fields. */
export const ACTIVITY_DATE_FIELD = {
  '1': 'plannedStart',
  '2': 'actualStart',
  '3': 'plannedEnd',
  '4': 'actualEnd',
} as const;

/** SDG vocabularies: TagVocabulary 2 and 3, SectorVocabulary 7, 8 and 9. */
export const SDG_TAG_VOCABULARY = { '2': 'goal', '3': 'target' } as const;
export const SDG_SECTOR_VOCABULARY = { '7': 'goal', '8': 'target', '9': 'indicator' } as const;
