/**
 * The expert finder's rows of one person: one per audience that sees them at all (0 members of
 * their organisations, 1 signed-in members, 2 everyone), each holding only the parts that audience
 * may see — its filter columns, its facet values and its text. A search, its counts and its
 * ranking therefore read nothing hidden from the asker: the finder never has to remember to mask
 * a part, because the part is not there. Rebuilt whenever the profile is saved; removed with it.
 *
 * Text per row: name and headline (weight A, the bio's language or `simple`), expertise (B), the
 * bio (D), and the names of its topics, DigComp competences, ESCO skills and duty-station country
 * (C, precomputed in six languages by vocabulary.ts).
 */
import { audiencesOf, digcompCodes, digcompLevelTokens, languageTokens, partsSeenBy } from '../../core/people/index.js';
import type { WriteTx } from '../../db/database.js';
import { lexiconWords, rememberWords, searchVector, type SearchField } from '../../platform/search/index.js';
import type { ProfileFields } from './record.js';
import type { PeopleVocabulary } from './vocabulary.js';

/**
 * The lexicon corpora of the expert finder (typo tolerance), per audience: a suggestion is itself
 * a hint that a word exists, so anonymous searches are corrected only with words of public parts
 * and signed-in searches with words of parts shown to members. Words of organisation-only parts
 * are never remembered.
 */
export const PEOPLE_CORPUS = { 2: 'people-public', 1: 'people-members' } as const;

interface Person {
  readonly userId: string;
  readonly fields: ProfileFields;
  readonly listedAt: Date;
  readonly demo: boolean;
}

function rowFor(person: Person, audience: 0 | 1 | 2, vocab: PeopleVocabulary) {
  const { fields } = person;
  const seen = partsSeenBy(fields.visibility, audience);
  const skills = seen.has('skills');
  const languages = seen.has('languages') ? fields.languages : [];
  const station = seen.has('dutyStation') ? fields.dutyStation : null;
  const textLanguage = fields.bio?.language ?? 'simple';
  const text: SearchField[] = [{ text: [fields.name, fields.headline ?? ''].join(' '), language: textLanguage, weight: 'A' }];
  if (skills && fields.expertise.length > 0) text.push({ text: fields.expertise.join(' · '), language: textLanguage, weight: 'B' });
  if (seen.has('bio') && fields.bio) text.push({ text: fields.bio.text, language: fields.bio.language, weight: 'D' });
  const labels = [
    ...(skills ? fields.topics.map((c) => vocab.vectors.topics.get(c)) : []),
    ...(skills ? fields.digcomp.map((c) => vocab.vectors.digcomp.get(c.code)) : []),
    ...(skills ? fields.esco.map((c) => vocab.vectors.esco.get(c)) : []),
    ...(station ? [vocab.vectors.countries.get(station.country)] : []),
  ].filter((v): v is string => v !== undefined);
  const words = audience === 0 ? [] : lexiconWords(text.map((t) => t.text));
  const row = {
    user_id: person.userId,
    audience,
    listed_at: person.listedAt,
    duty_station: station?.country ?? null,
    languages: languages.map((l) => l.code),
    language_levels: languageTokens(languages),
    topics: skills ? [...fields.topics] : [],
    digcomp: skills ? digcompCodes(fields.digcomp) : [],
    digcomp_levels: skills ? digcompLevelTokens(fields.digcomp) : [],
    esco: skills ? [...fields.esco] : [],
    availability: JSON.stringify(seen.has('availability') ? fields.availability : []),
    demo: person.demo,
    search_vector: searchVector(text, labels),
  };
  return { row, words };
}

const CHUNK = 300;

/**
 * Replaces the finder rows of these people, in the caller's transaction, and remembers their words
 * for typo tolerance (only words some audience may search for).
 * @example await writeSearchRows(tx, [{ userId, fields, listedAt: row.created_at, demo: false }], vocab)
 */
export async function writeSearchRows(tx: WriteTx, people: readonly Person[], vocab: PeopleVocabulary): Promise<void> {
  if (people.length === 0) return;
  for (let i = 0; i < people.length; i += CHUNK) {
    const chunk = people.slice(i, i + CHUNK);
    await tx
      .deleteFrom('profile_search')
      .where(
        'user_id',
        'in',
        chunk.map((p) => p.userId),
      )
      .execute();
    const built = chunk.flatMap((p) => audiencesOf(p.fields.visibility).map((a) => ({ audience: a, ...rowFor(p, a, vocab) })));
    if (built.length > 0)
      await tx
        .insertInto('profile_search')
        .values(built.map((b) => b.row))
        .execute();
    // Members see what the public sees too.
    const publicWords = new Set(built.filter((b) => b.audience === 2).flatMap((b) => b.words));
    const memberWords = new Set([...publicWords, ...built.filter((b) => b.audience === 1).flatMap((b) => b.words)]);
    await rememberWords(tx, PEOPLE_CORPUS[2], [...publicWords]);
    await rememberWords(tx, PEOPLE_CORPUS[1], [...memberWords]);
  }
}

/** Removes a person from the finder (their profile is deleted or withdrawn). */
export async function deleteSearchRows(tx: WriteTx, userId: string): Promise<void> {
  await tx.deleteFrom('profile_search').where('user_id', '=', userId).execute();
}
