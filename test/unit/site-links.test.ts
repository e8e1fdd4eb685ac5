import { describe, expect, it } from 'vitest';
import { fileFor, findBrokenLinks } from '../../src/checks/site-links.ts';

const pages = new Map([
  [
    'index.html',
    '<a href="/runbooks/a/">A</a><a href="runbooks/a/#diagnosis">A diag</a><a href="https://example.com/x">web</a><link href="/_astro/site.css">',
  ],
  [
    'runbooks/a/index.html',
    '<h2 id="diagnosis">D</h2><a href="#diagnosis">self</a><a href="../b/">B</a><a href="/runbooks/a/#nope">bad anchor</a><img src="/missing.png">',
  ],
  ['404.html', '<a href="/?q=1&amp;r=2">home</a>'],
]);
const files = new Set([...pages.keys(), '_astro/site.css']);

describe('findBrokenLinks', () => {
  it('reports missing pages and missing anchors, and nothing else', () => {
    expect(findBrokenLinks(pages, files)).toEqual([
      { page: 'runbooks/a/index.html', href: '../b/', reason: 'no such page or file' },
      {
        page: 'runbooks/a/index.html',
        href: '/runbooks/a/#nope',
        reason: 'runbooks/a/index.html has no element with id "nope"',
      },
      { page: 'runbooks/a/index.html', href: '/missing.png', reason: 'no such page or file' },
    ]);
  });
});

describe('fileFor', () => {
  it('maps directory URLs to index.html and tolerates a missing trailing slash', () => {
    expect(fileFor('/', files)).toBe('index.html');
    expect(fileFor('/runbooks/a', files)).toBe('runbooks/a/index.html');
    expect(fileFor('/_astro/site.css', files)).toBe('_astro/site.css');
    expect(fileFor('/runbooks/zzz/', files)).toBeUndefined();
  });
});
