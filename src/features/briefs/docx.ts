/**
 * The brief as a Word document (the `docx` package): real headings (Title, Heading 1), real
 * tables with a repeated header row and rows that never split across pages, and each chart
 * as a figure with alternative text — the chart's SVG, which Word 2016 and later draw, with a
 * PNG fallback for older readers rasterised by resvg (a Rust renderer shipped in its npm
 * package; no other binary). The chart's data table follows each figure. Arabic paragraphs and
 * tables run right to left.
 */
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { t } from '../../i18n/i18n.js';
import { standaloneSvg } from '../../platform/charts/index.js';
import type { Block, BriefDocument, FigureBlock, TableBlock } from './document.js';
import { dateOf } from './format.js';
import { svgForWord } from './svg-for-word.js';

/** Fonts for the PNG fallback: Latin and Cyrillic, Arabic, Chinese (Debian's packages). Missing ones are skipped. */
const FONT_FILES = [
  '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf',
  '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf',
  '/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf',
  '/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
].filter((f) => existsSync(f));

/** Width of a figure on an A4 page with default margins, in pixels at 96 dpi (about 15 cm). */
const FIGURE_WIDTH = 560;

function viewBox(svg: string): { width: number; height: number } {
  const match = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg);
  return match ? { width: Number(match[1]), height: Number(match[2]) } : { width: 320, height: 180 };
}

function png(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: FIGURE_WIDTH * 2 },
    background: '#ffffff',
    font:
      FONT_FILES.length > 0 ? { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'Noto Sans' } : { loadSystemFonts: true },
  });
  return resvg.render().asPng();
}

export class BriefWordFile {
  private readonly rtl: boolean;

  constructor(private readonly brief: BriefDocument) {
    this.rtl = brief.lang === 'ar';
  }

  private run(text: string, options: { bold?: boolean; italics?: boolean } = {}): TextRun {
    return new TextRun({ text, ...options, ...(this.rtl ? { rightToLeft: true } : {}) });
  }

  private paragraph(
    children: ParagraphChild[] | string,
    options: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; bullet?: boolean } = {},
  ) {
    return new Paragraph({
      children: typeof children === 'string' ? [this.run(children)] : children,
      ...(options.heading ? { heading: options.heading } : {}),
      ...(options.bullet ? { bullet: { level: 0 } } : {}),
      ...(this.rtl ? { bidirectional: true, alignment: AlignmentType.RIGHT } : {}),
    });
  }

  private cell(text: string, header: boolean): TableCell {
    return new TableCell({ children: [this.paragraph([this.run(text, { bold: header })])] });
  }

  private table(block: TableBlock): (Paragraph | Table)[] {
    const head = new TableRow({ tableHeader: true, cantSplit: true, children: block.head.map((h) => this.cell(h, true)) });
    const rows = block.rows.map(
      (r) => new TableRow({ cantSplit: true, children: [this.cell(r.header, true), ...r.cells.map((c) => this.cell(c, false))] }),
    );
    return [
      this.paragraph([this.run(block.caption, { bold: true })]),
      new Table({
        rows: [head, ...rows],
        width: { size: 100, type: WidthType.PERCENTAGE },
        ...(this.rtl ? { visuallyRightToLeft: true } : {}),
      }),
      this.paragraph(''),
    ];
  }

  private figure(block: FigureBlock): (Paragraph | Table)[] {
    const svg = svgForWord(standaloneSvg(block.chart));
    const size = viewBox(block.chart.svg);
    const transformation = { width: FIGURE_WIDTH, height: Math.round((FIGURE_WIDTH * size.height) / size.width) };
    const altText = { name: block.title, title: block.title, description: block.alt };
    const image = new ImageRun({
      type: 'svg',
      data: Buffer.from(svg, 'utf8'),
      fallback: { type: 'png', data: png(svg) },
      transformation,
      altText,
    });
    return [
      this.paragraph([this.run(block.title, { bold: true })]),
      this.paragraph([image]),
      this.paragraph([this.run(block.alt, { italics: true })]),
      ...this.table(block.data),
    ];
  }

  private block(block: Block): (Paragraph | Table)[] {
    switch (block.kind) {
      case 'paragraph':
        return [this.paragraph(block.text)];
      case 'list':
        return block.items.map((item) => this.paragraph(item, { bullet: true }));
      case 'table':
        return this.table(block);
      case 'figure':
        return this.figure(block);
    }
  }

  document(): Document {
    const { brief } = this;
    const children: (Paragraph | Table)[] = [
      this.paragraph(brief.title, { heading: HeadingLevel.TITLE }),
      this.paragraph(brief.subtitle),
      this.paragraph(brief.dated),
      this.paragraph(t(brief.lang, 'brief.section.summary'), { heading: HeadingLevel.HEADING_1 }),
      ...brief.summary.map((line) => this.paragraph(line)),
    ];
    for (const section of brief.sections) {
      children.push(this.paragraph(section.heading, { heading: HeadingLevel.HEADING_1 }));
      for (const block of section.blocks) children.push(...this.block(block));
    }
    children.push(this.paragraph(brief.sourcesHeading, { heading: HeadingLevel.HEADING_1 }));
    brief.sources.forEach((s, n) =>
      children.push(this.paragraph(`${n + 1}. ${s.name} — ${t(brief.lang, 'brief.published', { date: dateOf(brief.lang, s.vintage) })}`)),
    );
    children.push(this.paragraph(brief.sourcesNote));
    const language = { value: brief.lang, eastAsia: 'zh-CN', bidirectional: 'ar-SA' };
    return new Document({
      title: brief.title,
      description: brief.description,
      creator: t(brief.lang, 'shell.site'),
      styles: { default: { document: { run: { language, font: 'Noto Sans' } } } },
      sections: [{ properties: { page: { size: { width: 11906, height: 16838 } } }, children }],
    });
  }
}

/** The .docx bytes. @example c.body(await briefDocx(brief), 200, { 'Content-Type': DOCX_TYPE }) */
export async function briefDocx(brief: BriefDocument): Promise<Buffer> {
  return Packer.toBuffer(new BriefWordFile(brief).document());
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
