/**
 * A search box wired to its results: search as you type (debounced, newest query wins), arrows move
 * the selection, Enter opens the exact match or a close first result, or the row the arrows picked.
 * Enter never opens a guess on its own: with no close match it leaves the guesses and the way on in
 * view. Used by the search dialog and the home page's box alike.
 */
import { loadEngine, type SearchResult } from './engine.ts';
import { markSelected, renderResults, type ResultsView } from './results.ts';
import { carriedSearch } from '../site-data.ts';

export interface SearchBoxOptions {
  input: HTMLInputElement;
  view: ResultsView;
  manifestUrl: string;
  filters?: () => Record<string, string[]>;
  /** Said when search cannot load at all. */
  unavailable: string;
}

/** How a box opens a page: `replace` when its page only passed the query on (Back must not land there again). */
export type Navigation = 'assign' | 'replace';

export interface SearchBox {
  /** Searches what is typed now. */
  run(): Promise<void>;
  /** Enter: search if the results are not for what is typed, then open what may be opened. */
  submit(how?: Navigation): Promise<'opened' | 'guess' | 'nothing'>;
}

export function bindSearchBox({
  input,
  view,
  manifestUrl,
  filters = () => ({}),
  unavailable,
}: SearchBoxOptions): SearchBox {
  let result: SearchResult | undefined;
  let resultFor = '';
  let selected = 0;
  /** The selection was moved by the arrows: a deliberate pick, which Enter may open even among guesses. */
  let picked = false;
  let generation = 0;
  let timer: number | undefined;

  async function run(): Promise<void> {
    const query = input.value.trim();
    const mine = ++generation;
    if (!query) {
      result = undefined;
      resultFor = '';
      renderResults(view, '', undefined);
      return;
    }
    view.status.textContent = 'Searching…';
    let found: SearchResult;
    try {
      found = await (await loadEngine(manifestUrl)).search(query, filters());
    } catch {
      if (mine === generation) view.status.textContent = unavailable;
      return;
    }
    if (mine !== generation) return; // a newer query is on its way
    result = found;
    resultFor = query;
    selected = 0;
    picked = false;
    renderResults(view, query, result, selected);
  }

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(), 120);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const count = result?.hits.length ?? 0;
    if (count === 0) return;
    event.preventDefault();
    selected = (selected + (event.key === 'ArrowDown' ? 1 : -1) + count) % count;
    picked = true;
    markSelected(view.list, selected);
  });

  return {
    run,
    async submit(how: Navigation = 'assign') {
      window.clearTimeout(timer);
      if (input.value.trim() !== resultFor) await run();
      const hit = result?.hits[selected];
      if (!hit) return 'nothing';
      if (!result!.close && !picked) {
        view.status.dataset['attention'] = String(Date.now()); // the status says why nothing opened
        return 'guess';
      }
      location[how](hit.url + carriedSearch());
      return 'opened';
    },
  };
}
