/** Document links of an activity: a link survives only with the URL, format, title and category IATI requires. */
import type { DocumentLink } from '../../core/projects/index.js';
import type { ReadContext } from './read-context.js';
import { optionalAttr, readDate, readLanguage, readNarratives, requiredAttr, single } from './read-values.js';
import type { XmlNode } from './xml-node.js';

export function readDocumentLinks(activity: XmlNode, ctx: ReadContext): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const node of activity.all('document-link')) {
    const consequence = 'this document link is not imported';
    const url = requiredAttr(node, 'url', ctx, consequence);
    const format = requiredAttr(node, 'format', ctx, consequence);
    const titleNode = single(node, 'title', ctx);
    const title = titleNode === undefined ? [] : readNarratives(titleNode, ctx);
    const descriptionNode = single(node, 'description', ctx);
    const description = descriptionNode === undefined ? [] : readNarratives(descriptionNode, ctx);
    const categories: string[] = [];
    for (const category of node.all('category')) {
      const code = requiredAttr(category, 'code', ctx, 'this category is left out');
      if (code !== null) categories.push(code);
    }
    const languages: string[] = [];
    for (const language of node.all('language')) {
      const code = optionalAttr(language, 'code');
      const canonical = code === null ? null : readLanguage(language, code, ctx, '<language> code', 'it is left out');
      if (canonical !== null) languages.push(canonical);
    }
    const dateNode = single(node, 'document-date', ctx);
    const date = dateNode === undefined ? null : readDate(dateNode, 'iso-date', ctx, 'the document date is left out');
    if (title.length === 0) ctx.problems.add(node, 'missing-required', 'error', `<document-link> has no title narrative; ${consequence}`);
    if (categories.length === 0) ctx.problems.add(node, 'missing-required', 'error', `<document-link> has no <category>; ${consequence}`);
    if (url === null || format === null || title.length === 0 || categories.length === 0) continue;
    links.push({ url, format, title, description, categories, languages, date });
  }
  return links;
}
