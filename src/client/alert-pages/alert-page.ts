/**
 * An alert's page in the browser. Its runbook links carry the alert link's query and hash on (the
 * labels fill the runbook's commands). An alert no runbook covers yet shows the best matches search
 * finds for what the alert says (the same search as everywhere, marked as guesses when they are); the
 * search code loads only on such a page.
 */
export function initAlertPage(root: HTMLElement, manifestUrl: string): void {
  if (location.search || location.hash) {
    for (const link of root.querySelectorAll<HTMLAnchorElement>('[data-keep-query] a[href]')) {
      const url = new URL(link.href);
      url.search = location.search;
      url.hash = location.hash;
      link.href = url.href;
    }
  }
  const matches = root.querySelector<HTMLElement>('[data-alert-matches]');
  const list = matches?.querySelector<HTMLElement>('[data-search-results]');
  const status = matches?.querySelector<HTMLElement>('[data-alert-matches-status]');
  const query = matches?.dataset['query'];
  if (!matches || !list || !status || !query) return;
  // The query is the alert's own text: nothing to type, so it is searched once, now.
  const input = Object.assign(document.createElement('input'), { value: query });
  void import('../search/controller.ts').then(({ bindSearchBox }) =>
    bindSearchBox({
      input,
      view: { list, status },
      manifestUrl,
      unavailable: 'Search could not load here: walk the triage tree or browse the runbooks by layer below.',
    }).run(),
  );
}
