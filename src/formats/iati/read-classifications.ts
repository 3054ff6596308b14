/**
 * Where and about what: recipient countries (ISO2 → ISO3 through the caller's lookup) and regions,
 * sectors, tags, SDG links (tag vocabularies 2/3, sector vocabularies 7/8/9) and policy markers;
 * then IATI's percentage rules, reported but not enforced.
 */
import {
  sdgGoalOf,
  sortSdgLinks,
  type PolicyMarker,
  type RecipientCountry,
  type RecipientRegion,
  type SdgLink,
  type Sector,
  type Tag,
} from '../../core/projects/index.js';
import { SDG_SECTOR_VOCABULARY, SDG_TAG_VOCABULARY } from './codelists.js';
import type { ReadContext } from './read-context.js';
import { optionalAttr, parseDecimal, readNarratives, readPercentage, requiredAttr } from './read-values.js';
import type { XmlNode } from './xml-node.js';

export function readRecipientCountries(activity: XmlNode, ctx: ReadContext): RecipientCountry[] {
  const countries: RecipientCountry[] = [];
  for (const node of activity.all('recipient-country')) {
    const code = requiredAttr(node, 'code', ctx, 'this country is not imported');
    if (code === null) continue;
    const iso3 = ctx.countries.iso3Of(code.toUpperCase());
    if (iso3 === undefined) {
      ctx.problems.add(
        node,
        'unknown-country',
        'error',
        `<recipient-country> code "${code}" is not an ISO 3166-1 alpha-2 country known to the platform; this country is not imported`,
      );
      continue;
    }
    countries.push({ iso3, percentage: readPercentage(node, ctx) });
  }
  return countries;
}

export function readRecipientRegions(activity: XmlNode, ctx: ReadContext): RecipientRegion[] {
  const regions: RecipientRegion[] = [];
  for (const node of activity.all('recipient-region')) {
    const code = requiredAttr(node, 'code', ctx, 'this region is not imported');
    if (code === null) continue;
    regions.push({
      vocabulary: optionalAttr(node, 'vocabulary') ?? '1',
      vocabularyUri: optionalAttr(node, 'vocabulary-uri'),
      code,
      percentage: readPercentage(node, ctx),
    });
  }
  return regions;
}

function sdgLink(node: XmlNode, level: SdgLink['level'], code: string, via: SdgLink['via'], ctx: ReadContext): SdgLink | null {
  if (sdgGoalOf(level, code) === null) {
    ctx.problems.add(
      node,
      'invalid-value',
      'error',
      `<${node.name}> code "${code}" is not an SDG ${level} (e.g. ${level === 'goal' ? '4' : level === 'target' ? '4.4' : '4.4.1'}); it is not imported`,
    );
    return null;
  }
  return { level, code, via, percentage: via === 'sector' ? readPercentage(node, ctx) : null };
}

export interface Classifications {
  readonly sectors: Sector[];
  readonly tags: Tag[];
  readonly sdgs: SdgLink[];
}

export function readClassifications(activity: XmlNode, ctx: ReadContext): Classifications {
  const sectors: Sector[] = [];
  const tags: Tag[] = [];
  const sdgs: SdgLink[] = [];
  for (const node of activity.all('sector')) {
    const code = requiredAttr(node, 'code', ctx, 'this sector is not imported');
    if (code === null) continue;
    const vocabulary = optionalAttr(node, 'vocabulary') ?? '1';
    const level = (SDG_SECTOR_VOCABULARY as Record<string, SdgLink['level']>)[vocabulary];
    if (level !== undefined) {
      const link = sdgLink(node, level, code, 'sector', ctx);
      if (link !== null) sdgs.push(link);
      continue;
    }
    const name = readNarratives(node, ctx);
    sectors.push({ vocabulary, vocabularyUri: optionalAttr(node, 'vocabulary-uri'), code, percentage: readPercentage(node, ctx), name });
  }
  for (const node of activity.all('tag')) {
    const code = requiredAttr(node, 'code', ctx, 'this tag is not imported');
    const vocabulary = requiredAttr(node, 'vocabulary', ctx, 'this tag is not imported');
    if (code === null || vocabulary === null) continue;
    const level = (SDG_TAG_VOCABULARY as Record<string, SdgLink['level']>)[vocabulary];
    if (level !== undefined) {
      const link = sdgLink(node, level, code, 'tag', ctx);
      if (link !== null) sdgs.push(link);
      continue;
    }
    tags.push({ vocabulary, vocabularyUri: optionalAttr(node, 'vocabulary-uri'), code, name: readNarratives(node, ctx) });
  }
  return { sectors, tags, sdgs: uniqueSdgs(sdgs, activity, ctx) };
}

function uniqueSdgs(links: readonly SdgLink[], activity: XmlNode, ctx: ReadContext): SdgLink[] {
  const seen = new Set<string>();
  const unique: SdgLink[] = [];
  for (const link of links) {
    const key = `${link.level} ${link.code} ${link.via}`;
    if (seen.has(key)) {
      ctx.problems.add(activity, 'duplicate', 'warning', `SDG ${link.level} ${link.code} is given twice as a ${link.via}; once is kept`);
      continue;
    }
    seen.add(key);
    unique.push(link);
  }
  return sortSdgLinks(unique);
}

export function readPolicyMarkers(activity: XmlNode, ctx: ReadContext): PolicyMarker[] {
  const markers: PolicyMarker[] = [];
  for (const node of activity.all('policy-marker')) {
    const code = requiredAttr(node, 'code', ctx, 'this policy marker is not imported');
    if (code === null) continue;
    const raw = optionalAttr(node, 'significance');
    let significance = raw === null ? null : parseDecimal(raw);
    if (raw !== null && (significance === null || !Number.isInteger(significance) || significance < 0 || significance > 4)) {
      ctx.problems.add(node, 'invalid-value', 'warning', `<policy-marker> @significance "${raw}" is not 0–4; it is left out`);
      significance = null;
    }
    markers.push({
      vocabulary: optionalAttr(node, 'vocabulary') ?? '1',
      vocabularyUri: optionalAttr(node, 'vocabulary-uri'),
      code,
      significance,
    });
  }
  return markers;
}

/** Whether shares that are given add up to 100 (IATI rule), within rounding. */
function sumsTo100(shares: readonly (number | null)[]): boolean {
  const given = shares.filter((share): share is number => share !== null);
  if (given.length === 0) return true;
  return Math.abs(given.reduce((sum, share) => sum + share, 0) - 100) < 0.01;
}

/** IATI's rules: country and region shares together make 100; sector shares make 100 per vocabulary. */
export function checkPercentages(
  activity: XmlNode,
  places: { countries: readonly RecipientCountry[]; regions: readonly RecipientRegion[] },
  classifications: Classifications,
  ctx: ReadContext,
): void {
  const placeShares = [...places.countries.map((c) => c.percentage), ...places.regions.map((r) => r.percentage)];
  if (!sumsTo100(placeShares)) {
    ctx.problems.add(
      activity,
      'percentages-not-100',
      'warning',
      'the recipient countries and regions do not add up to 100 %; the shares are kept as given',
    );
  }
  const byVocabulary = new Map<string, (number | null)[]>();
  for (const sector of classifications.sectors)
    byVocabulary.set(sector.vocabulary, [...(byVocabulary.get(sector.vocabulary) ?? []), sector.percentage]);
  for (const link of classifications.sdgs) {
    if (link.via !== 'sector') continue;
    const vocabulary = Object.entries(SDG_SECTOR_VOCABULARY).find(([, level]) => level === link.level)?.[0] ?? '';
    byVocabulary.set(vocabulary, [...(byVocabulary.get(vocabulary) ?? []), link.percentage]);
  }
  for (const [vocabulary, shares] of byVocabulary) {
    if (!sumsTo100(shares)) {
      ctx.problems.add(
        activity,
        'percentages-not-100',
        'warning',
        `the sectors of vocabulary ${vocabulary} do not add up to 100 %; the shares are kept as given`,
      );
    }
  }
}
