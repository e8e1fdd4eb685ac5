/**
 * The variables panel, the part that loads with the page: it shows the panel and makes placeholders
 * clickable (./placeholder-editor.ts). What values do (./variable-values.ts) loads once there are
 * any: at once when the link carries parameters (an alert's labels), otherwise when the reader first
 * focuses a field or opens a placeholder's editor, so it is there before the first keystroke. Until
 * then every command shows what the build wrote (placeholders, the guide's defaults), which is what
 * no values means.
 *
 * If that code cannot load (the docs' host went down after the page opened), the panel says so and
 * the commands keep their placeholders, so a copy still warns that they are not filled in.
 */
import { initPlaceholderEditor } from './placeholder-editor.ts';

/** The longest a copy waits for the values' code (a host that hangs rather than refuses). */
const WAIT_MS = 2000;

export interface Values {
  /** While the values' code is still loading: what to wait for before reading a command. */
  pending(): Promise<void> | undefined;
}

export function initVariablesPanel(panel: HTMLElement): Values {
  const inputs = [...panel.querySelectorAll<HTMLInputElement>('[data-var-input]')];
  let loading: Promise<void> | undefined;
  let loaded = false;
  const start = (fromLink: boolean) => {
    loading ??= import('./variable-values.ts').then(
      ({ applyValues }) => {
        applyValues(panel, inputs, fromLink);
        loaded = true;
      },
      () => {
        loading = undefined; // the next keystroke tries again
        cannotLoad(panel);
      },
    );
  };
  panel.hidden = false;
  initPlaceholderEditor(panel, () => start(false));
  if (location.search.length > 1) start(true);
  else {
    // A field the browser refilled (Back, a restored tab) would show a value the commands do not.
    for (const input of inputs) input.value = '';
    panel.addEventListener('focusin', () => start(false));
    panel.addEventListener('input', () => start(false));
  }
  return {
    pending: () =>
      loaded || !loading
        ? undefined
        : Promise.race([loading, new Promise<void>((resolve) => window.setTimeout(resolve, WAIT_MS))]),
  };
}

function cannotLoad(panel: HTMLElement): void {
  let status = panel.querySelector<HTMLElement>('[data-values-failed]');
  if (!status) {
    status = document.createElement('p');
    status.className = 'variables__failed';
    status.dataset['valuesFailed'] = '';
    status.setAttribute('role', 'alert');
    panel.append(status);
  }
  status.textContent =
    'Values cannot be put into the commands: this page’s code did not load (is the docs’ host down?). The commands keep their placeholders: fill them in by hand, or use the offline copy.';
}
