/**
 * The brief as a page: the document's sections in order, print-ready (app.css `.brief` rules:
 * A4, each section starting clear of a split table or chart, no navigation, the charts kept),
 * with the Word and Markdown downloads in the reader's language. Plain HTML; the charts are
 * the platform's server-rendered SVG.
 */
import { fullStop, listOf } from '../../web/list.js';
import type { Child } from 'hono/jsx';
import { t } from '../../i18n/i18n.js';
import { Layout, type PageContext } from '../../web/layout.js';
import { ScrollRegion } from '../../web/scroll-region.js';
import type { Block, BriefDocument, TableBlock } from './document.js';
import { dateOf } from './format.js';

function Table(props: { table: TableBlock; id: string }) {
  const { table } = props;
  const [first, ...rest] = table.head;
  return (
    <ScrollRegion labelledBy={props.id}>
      <table class="brief-table">
        <caption id={props.id}>{table.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            {rest.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr>
              <th scope="row">{row.header}</th>
              {/* On a narrow screen each row is a card and each cell shows its column title (app.css). */}
              {row.cells.map((cell, n) => (
                <td data-label={rest[n]}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function BlockView(props: { block: Block; id: string }): Child {
  const { block } = props;
  switch (block.kind) {
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'list':
      return (
        <ul>
          {block.items.map((item) => (
            <li>{item}</li>
          ))}
        </ul>
      );
    case 'table':
      return <Table table={block} id={props.id} />;
    case 'figure':
      return block.chart.html;
  }
}

export function BriefPage(props: { ctx: PageContext; brief: BriefDocument }) {
  const { ctx, brief } = props;
  const { lang } = ctx;
  const base = `/countries/${brief.iso3}/brief`;
  return (
    <Layout ctx={ctx} title={brief.title} description={brief.description}>
      <article class="brief">
        <h1>{brief.title}</h1>
        <p class="lead">{brief.subtitle}</p>
        <p class="dated">{brief.dated}</p>
        <p class="downloads">
          {t(lang, 'brief.download')}{' '}
          {listOf(lang, [
            <a href={`${base}.docx?lang=${lang}`}>
              <bdi>{t(lang, 'brief.download.docx')}</bdi>
            </a>,
            <a href={`${base}.md?lang=${lang}`}>
              <bdi>{t(lang, 'brief.download.md')}</bdi>
            </a>,
          ])}
          {fullStop(lang)} {t(lang, 'brief.print')}
        </p>
        <section aria-labelledby="summary">
          <h2 id="summary">{t(lang, 'brief.section.summary')}</h2>
          {brief.summary.map((line) => (
            <p>{line}</p>
          ))}
        </section>
        {brief.sections.map((section) => (
          <section aria-labelledby={section.id} class={`brief-${section.id}`}>
            <h2 id={section.id}>{section.heading}</h2>
            {section.blocks.map((block, n) => (
              <BlockView block={block} id={`${section.id}-${n}`} />
            ))}
          </section>
        ))}
        <section aria-labelledby="sources">
          <h2 id="sources">{brief.sourcesHeading}</h2>
          <ol>
            {brief.sources.map((s) => (
              <li>
                <span lang="en" dir="ltr">
                  {s.name}
                </span>
                {' — '}
                {t(lang, 'brief.published', { date: dateOf(lang, s.vintage) })}
              </li>
            ))}
          </ol>
          <p>{brief.sourcesNote}</p>
        </section>
      </article>
    </Layout>
  );
}
