/**
 * Turns a page of the built site into a page of the offline copy, which is opened from disk
 * (file://): every site-absolute link becomes relative and points at a file (directories get their
 * index.html), module scripts give way to one classic script, and the page says where the site root
 * is (html[data-site-root]) so scripts can find data and build links.
 */
export interface OfflinePageOptions {
  /** The page's path in the site: "runbooks/k8s-002/index.html". */
  pagePath: string;
  /** Every file of the site, as paths like pagePath. */
  files: ReadonlySet<string>;
  /** The site's base path: "/" or "/docs/". */
  base: string;
  /** Inserted at the top of the body: says what copy this is and how old. */
  bannerHtml: string;
}

/** "../../" for runbooks/k8s-002/index.html, "./" for index.html. */
export function rootPrefix(pagePath: string): string {
  const depth = pagePath.split('/').length - 1;
  return depth === 0 ? './' : '../'.repeat(depth);
}

/** A site-absolute URL ("/runbooks/k8s-002/?a=1#x") as a link from the page to a file ("../k8s-002/index.html?a=1#x"). */
export function relativeUrl(url: string, options: Pick<OfflinePageOptions, 'pagePath' | 'files' | 'base'>): string {
  if (!url.startsWith(options.base) || url.startsWith('//')) return url;
  const match = /^([^?#]*)(.*)$/.exec(url.slice(options.base.length))!;
  let path = decodeURIComponent(match[1]!);
  const rest = match[2] ?? '';
  if (path === '' || path.endsWith('/')) path += 'index.html';
  else if (!options.files.has(path) && options.files.has(`${path}/index.html`)) path += '/index.html';
  return rootPrefix(options.pagePath) + encodeURI(path) + rest;
}

const ATTRIBUTE = /(\s(?:href|src|action|data-manifest)=")([^"]*)(")/g;
const REFRESH = /(<meta http-equiv="refresh" content="\d+;\s*url=)([^"]*)(")/g;
const MODULE_SCRIPT = /<script type="module"[^>]*>[\s\S]*?<\/script>/g;

export function toOfflinePage(html: string, options: OfflinePageOptions): string {
  const relative = (url: string) => relativeUrl(url, options);
  const root = rootPrefix(options.pagePath);
  let out = html
    .replace(MODULE_SCRIPT, '')
    .replace(ATTRIBUTE, (_, head: string, url: string, tail: string) => head + relative(url) + tail)
    .replace(REFRESH, (_, head: string, url: string, tail: string) => head + relative(url) + tail)
    .replace(
      /<html([^>]*)>/,
      (_, attributes: string) => `<html${attributes.replace(/\sdata-base="[^"]*"/, '')} data-site-root="${root}">`,
    );
  if (out.includes('</head>'))
    out = out.replace('</head>', `<script src="${root}offline/site.js" defer></script></head>`);
  if (options.bannerHtml) out = out.replace(/<body([^>]*)>/, (tag) => `${tag}${options.bannerHtml}`);
  return out;
}
