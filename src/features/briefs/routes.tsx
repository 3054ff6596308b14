/**
 * The brief's three addresses: the page, the Word file and the Markdown file, each in the
 * reader's language (`?lang=`, cookie or Accept-Language, as every page). The code is checked
 * before anything is read; an unknown country is the same not-found problem everywhere.
 */
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { validationError } from '../../http/validation.js';
import { pageContext } from '../../web/page-context.js';
import { renderPage } from '../../web/render.js';
import { CountryProfileParamsSchema } from './schemas.js';
import type { BriefSectionSource } from './document.js';
import { briefDocx, DOCX_TYPE } from './docx.js';
import { briefMarkdown } from './markdown.js';
import { BriefPage } from './page.js';
import { buildBrief } from './service.js';

function iso3Of(param: string): string {
  const parsed = CountryProfileParamsSchema.safeParse({ iso3: param });
  if (!parsed.success) throw validationError(parsed.error, 'param');
  return parsed.data.iso3.toUpperCase();
}

/** @example app.route('/', briefPages(deps, { sections: [] })) */
export function briefPages({ db }: Deps, extras: { sections?: readonly BriefSectionSource[] } = {}) {
  const sections = extras.sections ?? [];
  return new Hono<AppEnv>()
    .get('/countries/:iso3/brief', async (c) => {
      const brief = await buildBrief(db, iso3Of(c.req.param('iso3')), c.get('lang'), sections);
      return renderPage(c, <BriefPage ctx={pageContext(c)} brief={brief} />);
    })
    .get('/countries/:iso3/brief.docx', async (c) => {
      const lang = c.get('lang');
      const brief = await buildBrief(db, iso3Of(c.req.param('iso3')), lang, sections);
      const body = await briefDocx(brief);
      return c.body(new Uint8Array(body), 200, {
        'Content-Type': DOCX_TYPE,
        'Content-Disposition': `attachment; filename="${brief.iso3}-connectivity-brief-${lang}.docx"`,
      });
    })
    .get('/countries/:iso3/brief.md', async (c) => {
      const lang = c.get('lang');
      const brief = await buildBrief(db, iso3Of(c.req.param('iso3')), lang, sections);
      return c.body(briefMarkdown(brief), 200, {
        'Content-Type': 'text/markdown; charset=utf-8',
        'Content-Disposition': `inline; filename="${brief.iso3}-connectivity-brief-${lang}.md"`,
      });
    });
}
