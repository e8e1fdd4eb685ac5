/**
 * What the site keeps in the reader's browser (localStorage), every key in one place so that no two
 * features share one and the inline theme script (src/security/csp.ts) and the modules agree. A
 * module of its own, and tiny, because the page's first script and its later chunks both import it.
 */

/** The reader's light/dark choice: 'light' or 'dark'. */
export const THEME_KEY = 'theme';

/** A runbook's incident progress (src/domain/incident-notes.ts). */
export const progressKey = (runbookId: string) => `runbook-progress:${runbookId}`;
