/**
 * What a value does on a runbook page, loaded once there is one (./variables-panel.ts decides when):
 * it goes into every placeholder for its variable, into the address (so the page can be shared with
 * its values) and into the run line; a value with characters the shell would read as code is noted
 * under its field and quoted. Values are data (src/domain/values.ts): cleaned, and quoted for the
 * shell where they are not plain words. A link's parameters fill the fields, and the panel says
 * which filled a variable and which matched nothing here.
 */
import { defaultTitle, matchQuery, type QueryMatch } from '../../domain/placeholders.ts';
import { isUnusual, prepareValue, quoteInto, type QuoteContext } from '../../domain/values.ts';
import { showRunCommand } from './run-command.ts';

/** Says under a field what was done with its value (characters removed, why it is unusual). */
function noteFor(input: HTMLInputElement): HTMLElement {
  let note = input.parentElement?.querySelector<HTMLElement>('.variables__note');
  if (!note) {
    note = document.createElement('span');
    note.className = 'variables__note';
    note.id = `variables-note-${input.name}`;
    input.setAttribute('aria-describedby', note.id);
    input.after(note);
  }
  return note;
}

/**
 * Puts the panel's values to work from now on. `fromLink`: the page was opened with parameters (an
 * alert's labels), which fill the fields first; otherwise the reader has started to fill one.
 */
export function applyValues(panel: HTMLElement, inputs: readonly HTMLInputElement[], fromLink: boolean): void {
  const runLine = document.querySelector<HTMLElement>('[data-run-command]');
  const apply = () => {
    for (const input of inputs) {
      const key = input.dataset['varInput'] ?? '';
      const prepared = prepareValue(key, input.value);
      const unusual = isUnusual(prepared);
      const note = noteFor(input);
      note.textContent = unusual ? `Unusual value: it ${prepared.problems.join('; it ')}. Commands get it quoted.` : '';
      input.classList.toggle('is-unusual', unusual);
      for (const ph of document.querySelectorAll<HTMLElement>(`.ph[data-var="${CSS.escape(key)}"]`)) {
        const quote = (ph.dataset['quote'] ?? 'unquoted') as QuoteContext;
        const filled = prepared.value !== '';
        const fallback = ph.dataset['default'];
        // Text, never markup: a value like <img onerror=…> shows as those characters, and quoted.
        ph.textContent = filled ? quoteInto(prepared.value, quote) : (fallback ?? ph.dataset['placeholder'] ?? '');
        ph.classList.toggle('is-filled', filled);
        ph.classList.toggle('is-default', !filled && fallback !== undefined);
        ph.classList.toggle('is-unusual', unusual && filled);
        if (unusual) ph.dataset['problems'] = prepared.problems.join('; ');
        else delete ph.dataset['problems'];
        ph.title = unusual
          ? `Unusual value, quoted for the shell: ${prepared.problems.join('; ')}`
          : !filled && fallback !== undefined
            ? defaultTitle(ph.dataset['placeholder'] ?? key)
            : '';
      }
    }
    if (runLine) showRunCommand(runLine, cleaned(inputs));
  };
  const keepInUrl = () => {
    const url = new URL(location.href);
    for (const [key, value] of cleaned(inputs)) {
      if (value === '') url.searchParams.delete(key);
      else url.searchParams.set(key, value);
    }
    history.replaceState(history.state, '', url);
  };
  if (fromLink) {
    const fromUrl = matchQuery(
      location.search,
      inputs.map((i) => i.dataset['varInput'] ?? ''),
      labelVariablesOf(panel),
    );
    const prefill = new Map(fromUrl.applied.map((a) => [a.key, a.value]));
    for (const input of inputs) input.value = prefill.get(input.dataset['varInput'] ?? '') ?? '';
    const report = panel.querySelector<HTMLElement>('[data-variables-from-url]');
    if (report) reportQuery(report, fromUrl, inputs);
  }
  for (const input of inputs)
    input.addEventListener('input', () => {
      apply();
      keepInUrl();
    });
  apply();
  if (!fromLink) keepInUrl();
  // From here each keystroke shows at once; what waits on the page (the companion, tests) can tell.
  panel.dataset['values'] = 'live';
}

/** Each field's value as commands get it (cleaned, not yet quoted), by variable key. */
const cleaned = (inputs: readonly HTMLInputElement[]) =>
  inputs.map((input) => {
    const key = input.dataset['varInput'] ?? '';
    return [key, prepareValue(key, input.value).value] as const;
  });

/** Longer values are cut for the report (the field holds the whole value). */
const shown = (value: string) => (value.length > 60 ? `${value.slice(0, 57)}…` : value);

/**
 * Says what the link's parameters did: which filled a variable of this page and which matched
 * nothing here, so an alert label that fills nothing (a misspelt name, a page without that
 * placeholder) is seen instead of silently lost. Values are cleaned before they are shown.
 */
function reportQuery(
  report: HTMLElement,
  { applied, unmatched }: QueryMatch,
  inputs: readonly HTMLInputElement[],
): void {
  const items: Node[] = [];
  const line = (label: string, parts: { parameter: string; value: string; target?: string }[]) => {
    const item = document.createElement('li');
    item.append(`${label} `);
    parts.forEach(({ parameter, value, target }, i) => {
      if (i > 0) item.append(', ');
      const code = document.createElement('code');
      code.textContent = `${parameter}=${shown(prepareValue('', value).value)}`;
      item.append(code);
      if (target) item.append(` → ${target}`);
    });
    items.push(item);
  };
  const spellingOf = (key: string) => inputs.find((i) => i.dataset['varInput'] === key)?.dataset['spellings'] ?? key;
  if (applied.length > 0)
    line(
      'Applied from the link:',
      applied.map((a) => ({ ...a, target: spellingOf(a.key) })),
    );
  if (unmatched.length > 0) line('Matched nothing on this page:', unmatched);
  if (items.length === 0) return;
  const list = document.createElement('ul');
  list.append(...items);
  report.replaceChildren(list);
  report.hidden = false;
}

/** Which alert label fills which variable here (data-label-variables, from content/alerts/runbooks.yaml). */
function labelVariablesOf(panel: HTMLElement): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(panel.dataset['labelVariables'] ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}
