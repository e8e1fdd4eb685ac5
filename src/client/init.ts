/**
 * The one entry point of the browser code: wires up whatever the page has. Astro bundles it as a
 * module for the site; src/build/offline-copy.ts bundles the same file as one classic script for the offline
 * copy, where module scripts cannot load. Each part looks for its elements and does nothing without them.
 *
 * What a runbook page needs as it opens is loaded with it (copy buttons, the variables panel, the
 * "Done" boxes, the bar, the search button); what runs only once the reader acts (what a value does,
 * the notes' log and Markdown, the placeholder editor) loads on that first act, and what only other
 * pages have (a decision tree, the home page's jump box and filters, the 404 page, an alert's page)
 * only where its element is. So a page that is only read loads one small script.
 */
import { initCommandBlocks } from './copy/command-blocks.ts';
import { initIncidentNotes } from './notes/incident-notes.ts';
import { initRunbookBar } from './runbook-bar.ts';
import { initSearch } from './search/launcher.ts';
import { initThemeToggle } from './theme.ts';

export function initPage(): void {
  initThemeToggle();
  initSearch();
  initCommandBlocks();
  const notes = document.querySelector<HTMLElement>('[data-notes]');
  if (notes) initIncidentNotes(notes);
  const bar = document.querySelector<HTMLElement>('[data-runbook-bar]');
  if (bar) initRunbookBar(bar);

  const jumpBoxes = [...document.querySelectorAll<HTMLFormElement>('[data-id-jump]')];
  if (jumpBoxes.length > 0)
    void import('./ids/jump-box.ts').then(({ initIdJump }) => jumpBoxes.forEach((form) => initIdJump(form)));
  const filters = document.querySelector<HTMLElement>('[data-service-filters]');
  if (filters) void import('./service-filter.ts').then(({ initServiceFilter }) => initServiceFilter(filters));
  const trees = [...document.querySelectorAll<HTMLElement>('[data-tree]')];
  if (trees.length > 0)
    void import('./tree-stepper.ts').then(({ initTreeStepper }) => trees.forEach((tree) => initTreeStepper(tree)));
  const notFound = document.querySelector<HTMLElement>('[data-not-found]');
  if (notFound) void import('./ids/not-found.ts').then(({ initNotFound }) => initNotFound(notFound));
  const alert = document.querySelector<HTMLElement>('[data-alert]');
  const manifest = document.querySelector<HTMLElement>('[data-search]')?.dataset['manifest'];
  if (alert && manifest)
    void import('./alert-pages/alert-page.ts').then(({ initAlertPage }) => initAlertPage(alert, manifest));
}
