/**
 * The search dialog: the box (src/client/search/controller.ts: exact IDs and alert names first, then
 * the ranked results of src/client/search/engine.ts, online and from disk alike) and the filters by
 * severity, layer, service and guide. This module itself loads on first use (launcher.ts), and so
 * does the index.
 */
import { bindSearchBox, type SearchBox } from './controller.ts';
import { loadEngine, type SearchEngine } from './engine.ts';
import { layerLabel, severityLabel } from './results.ts';

const FILTERS = ['severity', 'layer', 'service', 'guide'] as const;

/** Sets up the open search dialog (once): results, filters, keyboard. */
export function setUpSearch(dialog: HTMLDialogElement): SearchBox {
  const input = dialog.querySelector<HTMLInputElement>('#search-input')!;
  const list = dialog.querySelector<HTMLOListElement>('[data-search-results]')!;
  const status = dialog.querySelector<HTMLElement>('#search-status')!;
  const filterBox = dialog.querySelector<HTMLElement>('[data-search-filters]')!;
  const guides = JSON.parse(dialog.dataset['guides'] ?? '{}') as Record<string, string>;
  const manifestUrl = dialog.dataset['manifest']!;

  const label = (key: string, value: string) =>
    key === 'severity'
      ? severityLabel(value)
      : key === 'layer'
        ? layerLabel(value)
        : key === 'guide'
          ? (guides[value] ?? value)
          : value;

  const activeFilters = () => {
    const filters: Record<string, string[]> = {};
    for (const select of filterBox.querySelectorAll<HTMLSelectElement>('select')) {
      if (select.value) filters[select.dataset['filter']!] = [select.value];
    }
    return filters;
  };

  const box = bindSearchBox({
    input,
    view: { list, status },
    manifestUrl,
    filters: activeFilters,
    unavailable: 'Search could not load. The ID box on the home page and the listings still work.',
  });

  async function renderFilters(engine: SearchEngine) {
    const available = await engine.filters();
    filterBox.replaceChildren(
      ...FILTERS.filter((key) => available[key]).map((key) => {
        const select = document.createElement('select');
        select.dataset['filter'] = key;
        select.setAttribute('aria-label', `Filter by ${key}`);
        select.append(new Option(`Any ${key}`, ''));
        for (const value of Object.keys(available[key]!).sort()) select.append(new Option(label(key, value), value));
        select.addEventListener('change', () => void box.run());
        return select;
      }),
    );
  }

  void loadEngine(manifestUrl)
    .then(renderFilters)
    .catch(() => undefined);
  // Whatever was typed while this module loaded is searched now.
  if (input.value.trim()) void box.run();
  return box;
}
