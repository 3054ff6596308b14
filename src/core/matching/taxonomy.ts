/**
 * Topic and competence overlap through the vocabulary's hierarchy, not only
 * exact codes. Three vocabularies meet here: the platform's topics (each
 * builds some DigComp 2.2 areas, topics.csv), DigComp 2.2 (areas and their
 * competences) and ESCO skills (each may have broader skills in the
 * collection, and DigComp names one ESCO skill as the descriptor of each
 * area and competence). Every term of the demand is linked to every term of
 * the supply with a strength (weights.ts LINKS); a demand term is covered as
 * well as its best link.
 *
 * Links, strongest first: the same term (1); an ESCO skill and the DigComp
 * competence it describes (0.8); a competence and its area (0.75); an ESCO
 * skill and its broader or narrower skill (0.7), or the area its competence
 * belongs to (0.6); a topic and the DigComp areas it builds and their
 * competences (0.5); two competences of one area (0.45); an ESCO skill and a
 * topic through the competence it describes (0.5 × 0.8); two topics building a
 * common area (0.35). Nothing is linked through more than one such step.
 *
 * Fit: the mean coverage of the demand's topics; when the demand also lists
 * competences or skills, 65 % topics and 35 % their mean coverage.
 */
import type { Demand, Message, Param, Supply, Taxonomy } from './types.js';
import { LINKS, TOPIC_SHARE } from './weights.js';

type Node = string;
const topicNode = (code: string): Node => `t:${code}`;
const digcompNode = (code: string): Node => `d:${code}`;
const escoNode = (code: string): Node => `e:${code}`;

/** The taxonomy with the reverse maps the links need, computed once per taxonomy. */
interface Index {
  readonly taxonomy: Taxonomy;
  readonly areaCompetences: ReadonlyMap<string, readonly string[]>;
  readonly areaTopics: ReadonlyMap<string, readonly string[]>;
  readonly escoNarrower: ReadonlyMap<string, readonly string[]>;
  readonly digcompEsco: ReadonlyMap<string, readonly string[]>;
}

const indexes = new WeakMap<Taxonomy, Index>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function indexOf(taxonomy: Taxonomy): Index {
  let index = indexes.get(taxonomy);
  if (index) return index;
  const areaCompetences = new Map<string, string[]>();
  for (const [competence, area] of taxonomy.competenceArea) push(areaCompetences, area, competence);
  const areaTopics = new Map<string, string[]>();
  for (const [topic, areas] of taxonomy.topicAreas) for (const area of areas) push(areaTopics, area, topic);
  const escoNarrower = new Map<string, string[]>();
  for (const [skill, broader] of taxonomy.escoBroader) for (const b of broader) push(escoNarrower, b, skill);
  const digcompEsco = new Map<string, string[]>();
  for (const [skill, codes] of taxonomy.escoDigcomp) for (const code of codes) push(digcompEsco, code, skill);
  index = { taxonomy, areaCompetences, areaTopics, escoNarrower, digcompEsco };
  indexes.set(taxonomy, index);
  return index;
}

/** Adds `node` at `strength` unless it is already linked at least as strongly. */
function link(into: Map<Node, number>, node: Node, strength: number): void {
  if ((into.get(node) ?? 0) < strength) into.set(node, strength);
}

const areaOf = (index: Index, code: string): string | undefined =>
  index.areaCompetences.has(code) ? code : index.taxonomy.competenceArea.get(code);

function topicNeighbours(index: Index, topic: string): Map<Node, number> {
  const near = new Map<Node, number>([[topicNode(topic), LINKS.same]]);
  for (const area of index.taxonomy.topicAreas.get(topic) ?? []) {
    for (const code of [area, ...(index.areaCompetences.get(area) ?? [])]) {
      link(near, digcompNode(code), LINKS.topicArea);
      for (const skill of index.digcompEsco.get(code) ?? []) link(near, escoNode(skill), LINKS.topicArea * LINKS.escoDigcomp);
    }
    for (const other of index.areaTopics.get(area) ?? []) if (other !== topic) link(near, topicNode(other), LINKS.relatedTopics);
  }
  return near;
}

function digcompNeighbours(index: Index, code: string): Map<Node, number> {
  const near = new Map<Node, number>([[digcompNode(code), LINKS.same]]);
  const area = areaOf(index, code);
  if (area === undefined) return near;
  const competences = index.areaCompetences.get(area) ?? [];
  if (area === code) {
    for (const c of competences) {
      link(near, digcompNode(c), LINKS.competenceArea);
      for (const skill of index.digcompEsco.get(c) ?? []) link(near, escoNode(skill), LINKS.escoDigcompArea);
    }
  } else {
    link(near, digcompNode(area), LINKS.competenceArea);
    for (const c of competences) if (c !== code) link(near, digcompNode(c), LINKS.siblingCompetences);
    for (const skill of index.digcompEsco.get(area) ?? []) link(near, escoNode(skill), LINKS.escoDigcompArea);
  }
  for (const topic of index.areaTopics.get(area) ?? []) link(near, topicNode(topic), LINKS.topicArea);
  for (const skill of index.digcompEsco.get(code) ?? []) {
    link(near, escoNode(skill), LINKS.escoDigcomp);
    const neighbours = [...(index.escoNarrower.get(skill) ?? []), ...(index.taxonomy.escoBroader.get(skill) ?? [])];
    for (const other of neighbours) link(near, escoNode(other), LINKS.escoBroader * LINKS.escoDigcomp);
  }
  return near;
}

function escoNeighbours(index: Index, skill: string): Map<Node, number> {
  const near = new Map<Node, number>([[escoNode(skill), LINKS.same]]);
  const broader = index.taxonomy.escoBroader.get(skill) ?? [];
  for (const other of [...broader, ...(index.escoNarrower.get(skill) ?? [])]) link(near, escoNode(other), LINKS.escoBroader);
  for (const code of index.taxonomy.escoDigcomp.get(skill) ?? []) {
    link(near, digcompNode(code), LINKS.escoDigcomp);
    const area = areaOf(index, code);
    if (area === undefined) continue;
    if (area === code) for (const c of index.areaCompetences.get(area) ?? []) link(near, digcompNode(c), LINKS.escoDigcompArea);
    else link(near, digcompNode(area), LINKS.escoDigcompArea);
    for (const topic of index.areaTopics.get(area) ?? []) link(near, topicNode(topic), LINKS.topicArea * LINKS.escoDigcomp);
  }
  // One ESCO step away from a DigComp descriptor, up or down.
  for (const other of [...broader, ...(index.escoNarrower.get(skill) ?? [])]) {
    for (const code of index.taxonomy.escoDigcomp.get(other) ?? []) link(near, digcompNode(code), LINKS.escoBroader * LINKS.escoDigcomp);
  }
  return near;
}

/**
 * The strength of the link between two terms given as `topics`, `digcomp` or `esco` codes; symmetric.
 * @example linkStrength(tax, { digcomp: '4.2' }, { digcomp: '4' }) // 0.75
 */
export function linkStrength(taxonomy: Taxonomy, a: TermRef, b: TermRef): number {
  const index = indexOf(taxonomy);
  return neighbourhoodOf(index, a).get(nodeOf(b)) ?? 0;
}

export type TermRef = { readonly topics: string } | { readonly digcomp: string } | { readonly esco: string };

function nodeOf(term: TermRef): Node {
  return 'topics' in term ? topicNode(term.topics) : 'digcomp' in term ? digcompNode(term.digcomp) : escoNode(term.esco);
}

function neighbourhoodOf(index: Index, term: TermRef): Map<Node, number> {
  if ('topics' in term) return topicNeighbours(index, term.topics);
  if ('digcomp' in term) return digcompNeighbours(index, term.digcomp);
  return escoNeighbours(index, term.esco);
}

/** The best link of one demand term to any of the supply's terms. */
interface Coverage {
  readonly strength: number;
  /** The supply term it links to (node form), when any. */
  readonly via: Node | undefined;
}

function cover(near: ReadonlyMap<Node, number>, supplyNodes: readonly Node[]): Coverage {
  let best: Coverage = { strength: 0, via: undefined };
  for (const node of supplyNodes) {
    const strength = near.get(node) ?? 0;
    if (strength > best.strength || (strength > 0 && strength === best.strength && best.via !== undefined && node < best.via)) {
      best = { strength, via: node };
    }
  }
  return best;
}

function nodesOf(supply: Pick<Supply, 'topics' | 'digcomp' | 'esco'>): Node[] {
  return [...supply.topics.map(topicNode), ...supply.digcomp.map(digcompNode), ...supply.esco.map(escoNode)];
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** A node as an explanation parameter (the feature renders the term's name). */
function termOf(node: Node): Param {
  const code = node.slice(2);
  return { term: node.startsWith('t:') ? 'topics' : node.startsWith('d:') ? 'digcomp' : 'esco', code };
}

function topicMessage(demand: Pick<Demand, 'topics'>, coverages: readonly Coverage[]): Message {
  const exact = demand.topics.filter((_, i) => coverages[i]!.strength === LINKS.same && coverages[i]!.via?.startsWith('t:'));
  const asked = demand.topics.length;
  if (exact.length === asked && asked === 1) return { key: 'matching.topic.same', params: { topic: { term: 'topics', code: exact[0]! } } };
  if (exact.length === asked) return { key: 'matching.topic.sameAll', params: { count: asked } };
  if (exact.length > 0) {
    return { key: 'matching.topic.sameSome', params: { covered: exact.length, asked, topic: { term: 'topics', code: exact[0]! } } };
  }
  let best = 0;
  coverages.forEach((c, i) => {
    if (c.strength > coverages[best]!.strength) best = i;
  });
  const coverage = coverages[best]!;
  const askedTopic: Param = { term: 'topics', code: demand.topics[best]! };
  if (coverage.via === undefined) return { key: 'matching.topic.none', params: { asked: askedTopic } };
  const key = coverage.via.startsWith('t:') ? 'matching.topic.related' : 'matching.topic.viaSkill';
  return { key, params: { offered: termOf(coverage.via), asked: askedTopic } };
}

function skillMessage(skills: readonly Node[], coverages: readonly Coverage[]): Message {
  const exact = coverages.filter((c) => c.strength === LINKS.same).length;
  const linked = coverages.filter((c) => c.strength > 0).length;
  if (exact > 0) return { key: 'matching.skills.covered', params: { covered: exact, asked: skills.length } };
  if (linked > 0) return { key: 'matching.skills.related', params: { covered: linked, asked: skills.length } };
  return { key: 'matching.skills.none', params: { asked: skills.length } };
}

/** The demand's terms with their neighbourhoods: computed once per demand, reused for every supply. */
export interface DemandTerms {
  readonly topics: readonly ReadonlyMap<Node, number>[];
  readonly skills: readonly ReadonlyMap<Node, number>[];
  readonly skillNodes: readonly Node[];
}

export function demandTerms(taxonomy: Taxonomy, demand: Pick<Demand, 'topics' | 'digcomp' | 'esco'>): DemandTerms {
  const index = indexOf(taxonomy);
  return {
    topics: demand.topics.map((t) => topicNeighbours(index, t)),
    skills: [...demand.digcomp.map((d) => digcompNeighbours(index, d)), ...demand.esco.map((e) => escoNeighbours(index, e))],
    skillNodes: [...demand.digcomp.map(digcompNode), ...demand.esco.map(escoNode)],
  };
}

/**
 * How well the supply covers what the demand is about.
 * @example topicFit(demandTerms(tax, need), need, offering).fit // 1 for the same single topic
 */
export function topicFit(
  terms: DemandTerms,
  demand: Pick<Demand, 'topics'>,
  supply: Pick<Supply, 'topics' | 'digcomp' | 'esco'>,
): { fit: number; messages: Message[] } {
  const nodes = nodesOf(supply);
  const topics = terms.topics.map((near) => cover(near, nodes));
  const topicCoverage = topics.length > 0 ? mean(topics.map((c) => c.strength)) : 0;
  const messages = [topicMessage(demand, topics)];
  if (terms.skills.length === 0) return { fit: topicCoverage, messages };
  const skills = terms.skills.map((near) => cover(near, nodes));
  const skillCoverage = mean(skills.map((c) => c.strength));
  messages.push(skillMessage(terms.skillNodes, skills));
  return { fit: TOPIC_SHARE * topicCoverage + (1 - TOPIC_SHARE) * skillCoverage, messages };
}

/**
 * Every term linked to the demand's terms at least as strongly as `minStrength`
 * (0: at all), by vocabulary: what a candidate must list at least one of to be
 * considered (the database narrows candidates with these before scoring).
 * @example linkedTerms(demandTerms(tax, { topics: ['cybersecurity'], digcomp: [], esco: [] }), 0.56).topics // ['cybersecurity']
 */
export function linkedTerms(terms: DemandTerms, minStrength = 0): { topics: string[]; digcomp: string[]; esco: string[] } {
  const all = new Set<Node>();
  for (const near of [...terms.topics, ...terms.skills]) for (const [node, strength] of near) if (strength >= minStrength) all.add(node);
  const of = (prefix: string) =>
    [...all]
      .filter((n) => n.startsWith(prefix))
      .map((n) => n.slice(2))
      .toSorted();
  return { topics: of('t:'), digcomp: of('d:'), esco: of('e:') };
}
