/**
 * The brief as a document, before any format: sections of paragraphs, lists, tables and
 * figures, every text already in the reader's language. The page, the Markdown and the Word
 * file are three renderings of this one value, so they cannot disagree on a figure; sections
 * that other features contribute (capacity needs, matched offers, projects) use the same
 * blocks and so appear in all three formats.
 */
import type { RenderedChart } from '../../platform/charts/index.js';
import type { Language } from '../../shared/localised.js';

export interface TableBlock {
  readonly kind: 'table';
  readonly caption: string;
  /** Column titles; the first names the row headers' column. */
  readonly head: readonly string[];
  /** Each row: its header cell (what the row is about), then one cell per remaining column. */
  readonly rows: readonly { readonly header: string; readonly cells: readonly string[] }[];
}

export interface FigureBlock {
  readonly kind: 'figure';
  /** Short name of the figure (the chart's title). */
  readonly title: string;
  /** What the figure shows, in one or two sentences: the alternative text in every format. */
  readonly alt: string;
  readonly chart: RenderedChart;
  /** The figure's data, shown where the format cannot draw the chart (Markdown) and in Word under it. */
  readonly data: TableBlock;
}

export type Block =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | TableBlock
  | FigureBlock;

export interface BriefSection {
  /** Stable anchor: lower-case letters, digits and hyphens. */
  readonly id: string;
  readonly heading: string;
  readonly blocks: readonly Block[];
}

export interface BriefSource {
  readonly name: string;
  /** Latest publication date (ISO) of the figures taken from it. */
  readonly vintage: string;
}

export interface BriefDocument {
  readonly lang: Language;
  readonly iso3: string;
  readonly country: string;
  readonly title: string;
  readonly subtitle: string;
  /** "Prepared on … from data version …": the date line under the title. */
  readonly dated: string;
  /** One or two sentences for search results and link previews (the page's meta description). */
  readonly description: string;
  readonly summary: readonly string[];
  readonly sections: readonly BriefSection[];
  readonly sources: readonly BriefSource[];
  readonly sourcesHeading: string;
  readonly sourcesNote: string;
}

/**
 * A section another feature adds to every brief (open capacity needs, matched offers, active
 * projects), wired in src/app.ts. It returns null when it has nothing for the country.
 * @example briefPages(deps, { sections: [capacityNeedsSection(deps)] })
 */
export type BriefSectionSource = (country: { iso3: string; m49: string; name: string }, lang: Language) => Promise<BriefSection | null>;
