/**
 * The only way matches leave the server: the records as capacity's presenters
 * made them, each with its score and its explanation rendered in the reader's
 * language, and the excluded candidates with the constraints they break.
 */
import { figureMessage, type Explanation, type Violation } from '../../core/matching/index.js';
import { t } from '../../i18n/i18n.js';
import type { Language } from '../../shared/localised.js';
import { CONNECTIVITY_INDICATORS } from './context.js';
import { renderMessage, renderMessages, type Labels } from './render.js';
import type { NeedMatchPage, OfferingMatchPage } from './schemas.js';
import type { NeedMatches } from './need-matches.js';
import type { OfferingMatches } from './offering-matches.js';
import type { Candidates } from './service-support.js';

function explanationOf(lang: Language, explanation: readonly Explanation[], labels: Labels) {
  return explanation.map((e) => ({
    component: e.component,
    weight: e.weight,
    points: e.points,
    text: renderMessages(lang, e.messages, labels),
  }));
}

function constraintsOf(lang: Language, violations: readonly Violation[], labels: Labels) {
  return violations.map((v) => ({ constraint: v.constraint, text: renderMessage(lang, v.message, labels) }));
}

function candidatesOf(lang: Language, c: Candidates, subject: 'need' | 'offering') {
  const key = subject === 'need' ? 'matching.method.offerings' : 'matching.method.needs';
  const method = [
    t(lang, key, { linked: c.linked }),
    ...(c.capped ? [t(lang, 'matching.method.capped', { considered: c.considered })] : []),
  ];
  return { ...c, method: method.join(t(lang, 'matching.separator')) };
}

export function presentNeedMatches(result: NeedMatches, lang: Language, labels: Labels): NeedMatchPage {
  const binding = result.connectivity.binding;
  return {
    need: {
      id: result.need.id,
      title: result.need.title,
      country: result.need.country,
      connectivity: {
        level: result.connectivity.level === null ? null : Math.round(result.connectivity.level * 1000) / 1000,
        figure: binding
          ? {
              indicator: CONNECTIVITY_INDICATORS[binding.name],
              value: binding.figure.value,
              year: binding.figure.year,
              text: renderMessage(lang, figureMessage(binding.name, binding.figure), labels),
            }
          : null,
      },
    },
    data: result.items.map(({ record, match }) => ({
      score: match.score,
      offering: record,
      explanation: explanationOf(lang, match.explanation, labels),
    })),
    ...(result.excluded
      ? {
          excluded: result.excluded.map(({ record, exclusion }) => ({
            offering: { id: record.id, title: record.title, provider: record.provider },
            constraints: constraintsOf(lang, exclusion.violations, labels),
          })),
          excludedTotal: result.excludedTotal ?? result.excluded.length,
        }
      : {}),
    candidates: candidatesOf(lang, result.candidates, 'need'),
  };
}

export function presentOfferingMatches(result: OfferingMatches, lang: Language, labels: Labels): OfferingMatchPage {
  return {
    offering: { id: result.offering.id, title: result.offering.title },
    data: result.items.map(({ record, match }) => ({
      score: match.score,
      need: record,
      explanation: explanationOf(lang, match.explanation, labels),
    })),
    ...(result.excluded
      ? {
          excluded: result.excluded.map(({ record, exclusion }) => ({
            need: { id: record.id, title: record.title, country: record.country, requester: record.requester },
            constraints: constraintsOf(lang, exclusion.violations, labels),
          })),
          excludedTotal: result.excludedTotal ?? result.excluded.length,
        }
      : {}),
    candidates: candidatesOf(lang, result.candidates, 'offering'),
  };
}
