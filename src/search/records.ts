/**
 * A page as search ranks it (SearchDoc), made from what Pagefind recorded of it: the same record on
 * the site (a result's data()) and in the offline copy (the fragment files the build reads), so both
 * rank the same text. Pages put what search needs into Pagefind meta (src/components/SearchFields.astro):
 * id, kind, severity, layer, service, summary, symptoms, keywords.
 */
import type { SearchDoc } from './rank.ts';

/** What Pagefind keeps of a page (a fragment, or a search result's data()). */
export interface PagefindRecord {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters?: Record<string, string[]>;
  anchors?: { text: string }[];
}

export function searchDocOf(record: PagefindRecord, url = record.url): SearchDoc {
  const { meta } = record;
  const optional = (key: 'id' | 'severity' | 'layer' | 'service' | 'summary') =>
    meta[key] ? { [key]: meta[key] } : {};
  return {
    url,
    title: meta['title'] ?? url,
    kind: meta['kind'] ?? 'page',
    ...optional('id'),
    ...optional('severity'),
    ...optional('layer'),
    ...optional('service'),
    ...optional('summary'),
    symptoms: meta['symptoms'] ?? '',
    keywords: meta['keywords'] ?? '',
    headings: (record.anchors ?? []).map((a) => a.text).join(' · '),
    content: record.content,
    filters: record.filters ?? {},
  };
}

/** The text to show excerpts from: the page's text without the names search alone reads (its keywords). */
export function excerptText(doc: SearchDoc): string {
  const at = doc.keywords ? doc.content.lastIndexOf(doc.keywords) : -1;
  return at < 0 ? doc.content : `${doc.content.slice(0, at)}${doc.content.slice(at + doc.keywords.length)}`.trim();
}
