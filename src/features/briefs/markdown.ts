/**
 * The brief as Markdown (CommonMark with GitHub tables): headings, paragraphs, lists, tables;
 * a figure becomes its title, its alternative text and its data table, since a Markdown file
 * cannot carry the drawing without a second file.
 */
import { t } from '../../i18n/i18n.js';
import type { Block, BriefDocument, TableBlock } from './document.js';
import { dateOf } from './format.js';

/** Text safe inside Markdown: no accidental emphasis, links, headings or table cell breaks. */
function md(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, ' ')
    .trim();
}

function table(block: TableBlock): string {
  const row = (cells: readonly string[]) => `| ${cells.map(md).join(' | ')} |`;
  return [
    `**${md(block.caption)}**`,
    '',
    row(block.head),
    `|${block.head.map(() => ' --- ').join('|')}|`,
    ...block.rows.map((r) => row([r.header, ...r.cells])),
  ].join('\n');
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return md(block.text);
    case 'list':
      return block.items.map((item) => `- ${md(item)}`).join('\n');
    case 'table':
      return table(block);
    case 'figure':
      return [`*${md(block.alt)}*`, '', table(block.data)].join('\n');
  }
}

/** @example c.body(briefMarkdown(brief), 200, { 'Content-Type': 'text/markdown; charset=utf-8' }) */
export function briefMarkdown(brief: BriefDocument): string {
  const parts = [`# ${md(brief.title)}`, md(brief.subtitle), md(brief.dated), `## ${md(t(brief.lang, 'brief.section.summary'))}`];
  parts.push(...brief.summary.map(md));
  for (const section of brief.sections) {
    parts.push(`## ${md(section.heading)}`);
    parts.push(...section.blocks.map(blockText));
  }
  parts.push(`## ${md(brief.sourcesHeading)}`);
  parts.push(
    brief.sources
      .map((s, n) => `${n + 1}. ${md(s.name)} — ${md(t(brief.lang, 'brief.published', { date: dateOf(brief.lang, s.vintage) }))}`)
      .join('\n'),
  );
  parts.push(md(brief.sourcesNote));
  return `${parts.join('\n\n')}\n`;
}
