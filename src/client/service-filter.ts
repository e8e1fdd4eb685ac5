/**
 * Narrows the home page to one service in place. Each filter is a real link to the service's listing
 * page, which is what a reader without JavaScript gets. `?service=` keeps the choice in the URL.
 */
export function initServiceFilter(root: HTMLElement): void {
  const links = [...root.querySelectorAll<HTMLAnchorElement>('[data-service-filter]')];
  const apply = (service: string) => {
    for (const link of links) link.setAttribute('aria-pressed', String(link.dataset['serviceFilter'] === service));
    for (const item of document.querySelectorAll<HTMLElement>('[data-filterable] [data-service]')) {
      item.hidden = service !== '' && item.dataset['service'] !== service;
    }
    for (const group of document.querySelectorAll<HTMLElement>('[data-filterable]')) {
      const empty = group.querySelector('[data-empty]');
      const visible = group.querySelectorAll('[data-service]:not([hidden])').length;
      if (empty instanceof HTMLElement) empty.hidden = visible > 0;
    }
    const url = new URL(location.href);
    if (service) url.searchParams.set('service', service);
    else url.searchParams.delete('service');
    history.replaceState(null, '', url);
  };
  for (const link of links) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      apply(link.dataset['serviceFilter'] ?? '');
    });
  }
  const initial = new URL(location.href).searchParams.get('service') ?? '';
  apply(links.some((l) => l.dataset['serviceFilter'] === initial) ? initial : '');
}
