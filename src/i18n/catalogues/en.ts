/**
 * English interface text: the reference catalogue. Every other language must
 * have exactly these keys (checked by the type system and by i18n.test.ts).
 * `{name}` placeholders are filled by t().
 */
import { accountsEn } from './accounts/en.js';
import { platformEn } from './platform/en.js';
import { connectEn } from './connect/en.js';

export const en = {
  'lang.name': 'English',
  'shell.skip': 'Skip to main content',
  'shell.site': 'Digital Cooperation Platform',
  'shell.tagline': 'Connect · Capacity · Collaborate',
  'shell.nav.label': 'Main',
  'shell.nav.home': 'Home',
  'shell.nav.countries': 'Countries',
  'shell.nav.api': 'API',
  'shell.languages': 'Language',
  'shell.footer.sources': 'Data: UN Statistics Division (M49), World Bank and ITU (CC BY 4.0), European Commission (DigComp, ESCO).',
  'shell.footer.about': 'Built for slow connections, six languages and every ability.',
  'home.title': 'See digital gaps, find the capacity that closes them, work on them together',
  'home.lead':
    'One platform where the UN system, governments, providers and experts see a country’s digital gaps, find the training and people that close them, and work on them together.',
  'home.connect.title': 'Connect',
  'home.connect.text':
    'Country digital-development profiles: internet use, mobile and broadband, affordability and skills, measured against the 2030 targets for universal and meaningful connectivity.',
  'home.capacity.title': 'Capacity',
  'home.capacity.text':
    'A clearinghouse where providers list trainings and advisory services and requesters state their needs in the same vocabulary, matched and tracked to delivery.',
  'home.collaborate.title': 'Collaborate',
  'home.collaborate.text': 'People, skills and projects across the UN system, with each person in control of what others see.',
  'home.explore': 'Explore {count} countries and areas',
  'home.data.title': 'Open data',
  'home.data.text': 'Everything public is available through a documented JSON API and bulk downloads.',
  'countries.title': 'Countries and areas',
  'countries.lead': '{count} countries and areas of the UN M49 standard, with their regions and groups.',
  'countries.filter.legend': 'Filter',
  'countries.filter.region': 'Region',
  'countries.filter.group': 'Group',
  'countries.filter.any': 'Any',
  'countries.filter.apply': 'Apply',
  'countries.filter.reset': 'Reset',
  'countries.shown': '{count} shown',
  'countries.none': 'No country or area matches this filter.',
  'countries.col.name': 'Country or area',
  'countries.col.iso3': 'ISO code',
  'countries.col.region': 'Region',
  'countries.col.groups': 'Groups',
  'country.identity': 'Identity',
  'country.m49': 'M49 code',
  'country.iso2': 'ISO alpha-2',
  'country.iso3': 'ISO alpha-3',
  'country.formal': 'Formal name',
  'country.region': 'Region',
  'country.subRegion': 'Sub-region',
  'country.intermediateRegion': 'Intermediate region',
  'country.income': 'World Bank income group',
  'country.wbRegion': 'World Bank region',
  'country.groups': 'Groups',
  'country.noGroups': 'Not a member of any development-status group.',
  'country.names': 'Names in the six UN languages',
  'country.back': 'All countries and areas',
  'api.title': 'API',
  'api.lead': 'A JSON API under /api/v1, described by an OpenAPI 3.1 document generated from the same schemas that validate requests.',
  'api.document': 'OpenAPI document',
  'api.endpoints': 'Endpoints',
  'api.conventions': 'Conventions',
  'api.conventions.errors': 'Errors are application/problem+json with a stable code.',
  'api.conventions.lists': 'Lists return { data, next }; pass next as cursor for the following page.',
  'error.notFound.title': 'Page not found',
  'error.notFound.text': 'There is no page at this address.',
  'error.server.title': 'Something went wrong',
  'error.server.text': 'The page could not be shown. Please try again; if it happens again, tell us the reference below.',
  'error.reference': 'Reference',
  'error.home': 'Go to the home page',
  'error.forbidden.title': 'Forbidden',
  'error.forbidden.text': 'You are not allowed to see this page or do this.',
  'error.unauthenticated.title': 'Sign in required',
  'error.unauthenticated.text': 'Sign in to see this page or do this.',
  'error.signIn': 'Sign in',
  ...accountsEn,
  ...platformEn,
  ...connectEn,
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;
