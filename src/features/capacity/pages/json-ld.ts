/**
 * schema.org JSON-LD for an offering page, so that search engines and training registries read
 * the catalogue as they read other providers' (issue 10):
 *   - training, course, programme → `Course` with a `CourseInstance` (mode, dates, duration,
 *     language) and an `Offer` (fee or free);
 *   - financing pledge → `MonetaryGrant` (amount, funder, the countries it is for);
 *   - advisory service, expert pool, toolkit or guide, infrastructure pledge → `Service`.
 * Pure: the offering as the API presents it and the page's absolute URL in, a plain object out.
 * Serialised with every `<` escaped, so no text in an offering can close the script element.
 */
import type { Offering } from '../offering-schemas.js';

const COURSE_KINDS = new Set(['training', 'course', 'programme']);
const COURSE_MODE: Record<string, string> = {
  'in-person': 'onsite',
  'live-online': 'online',
  'self-paced-online': 'online',
  blended: 'blended',
};

/** ISO 8601 duration of a number of hours: 1.5 → PT1H30M. */
function isoHours(hours: number): string {
  const whole = Math.floor(hours);
  const minutes = Math.round((hours - whole) * 60);
  return `PT${whole}H${minutes ? `${minutes}M` : ''}`;
}

type Json = Record<string, unknown>;
const compact = (object: Json): Json => Object.fromEntries(Object.entries(object).filter(([, v]) => v !== null && v !== undefined));

/** @example offeringJsonLd(offering, 'https://dcp.example.org/offerings/…')['@type'] // 'Course' */
export function offeringJsonLd(offering: Offering, pageUrl: string): Json {
  const provider = { '@type': 'Organization', name: offering.provider.name };
  const areaServed = offering.eligibleCountries.length > 0 ? offering.eligibleCountries : undefined;
  const common = {
    '@context': 'https://schema.org',
    '@id': pageUrl,
    url: offering.url ?? pageUrl,
    name: offering.title,
    description: offering.summary,
    inLanguage: offering.language,
  };
  if (offering.kind === 'financing-pledge') {
    return compact({
      ...common,
      '@type': 'MonetaryGrant',
      funder: provider,
      amount:
        offering.pledge && offering.pledge.amount !== null && offering.pledge.currency
          ? { '@type': 'MonetaryAmount', value: offering.pledge.amount, currency: offering.pledge.currency }
          : undefined,
      areaServed,
    });
  }
  if (!COURSE_KINDS.has(offering.kind)) {
    return compact({
      ...common,
      '@type': 'Service',
      provider,
      serviceType: offering.kind,
      areaServed,
      availableLanguage: offering.languages,
    });
  }
  const instance = compact({
    '@type': 'CourseInstance',
    courseMode: offering.modality ? (COURSE_MODE[offering.modality] ?? offering.modality) : undefined,
    startDate: offering.rolling ? undefined : offering.startDate,
    endDate: offering.rolling ? undefined : offering.endDate,
    courseWorkload: offering.durationHours ? isoHours(offering.durationHours) : undefined,
    inLanguage: offering.languages.length === 1 ? offering.languages[0] : offering.languages,
  });
  return compact({
    ...common,
    '@type': 'Course',
    provider,
    availableLanguage: offering.languages,
    educationalLevel: offering.levels.length > 0 ? offering.levels.join(', ') : undefined,
    educationalCredentialAwarded: offering.certification ?? undefined,
    hasCourseInstance: [instance],
    offers: [
      compact({
        '@type': 'Offer',
        category: offering.fee ? 'Paid' : 'Free',
        price: offering.fee?.amount ?? 0,
        priceCurrency: offering.fee?.currency,
      }),
    ],
  });
}

/** The JSON text for a `<script type="application/ld+json">`: `<` escaped so that `</script>` in a title cannot end it. */
export function jsonLdText(data: Json): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
