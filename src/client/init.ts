/**
 * The one entry point of the browser code: wires up whatever the page has. Astro bundles it as a
 * module for the site; src/build/offline-copy.ts bundles the same file as one classic script for the offline
 * copy, where module scripts cannot load. Each part looks for its elements and does nothing without them.
 */
import { initAlertPage } from './alert-pages/alert-page.ts';
import { initCommandBlocks } from './copy/command-blocks.ts';
import { initRunCommand } from './copy/run-command.ts';
import { initIdJump } from './ids/jump-box.ts';
import { initNotFound } from './ids/not-found.ts';
import { initIncidentNotes } from './incident-notes.ts';
import { initRunbookBar } from './runbook-bar.ts';
import { initSearch } from './search/launcher.ts';
import { initServiceFilter } from './service-filter.ts';
import { initThemeToggle } from './theme.ts';
import { initTreeStepper } from './tree-stepper.ts';

export function initPage(): void {
  initThemeToggle();
  initSearch();
  initCommandBlocks();
  const notes = document.querySelector<HTMLElement>('[data-notes]');
  if (notes) initIncidentNotes(notes);
  const bar = document.querySelector<HTMLElement>('[data-runbook-bar]');
  if (bar) initRunbookBar(bar);
  const runCommand = document.querySelector<HTMLElement>('[data-run-command]');
  if (runCommand) initRunCommand(runCommand, document.querySelector<HTMLElement>('[data-variables]'));
  for (const form of document.querySelectorAll<HTMLFormElement>('[data-id-jump]')) initIdJump(form);
  const filters = document.querySelector<HTMLElement>('[data-service-filters]');
  if (filters) initServiceFilter(filters);
  for (const tree of document.querySelectorAll<HTMLElement>('[data-tree]')) initTreeStepper(tree);
  const notFound = document.querySelector<HTMLElement>('[data-not-found]');
  if (notFound) void initNotFound(notFound);
  const alert = document.querySelector<HTMLElement>('[data-alert]');
  const manifest = document.querySelector<HTMLElement>('[data-search]')?.dataset['manifest'];
  if (alert && manifest) initAlertPage(alert, manifest);
}
