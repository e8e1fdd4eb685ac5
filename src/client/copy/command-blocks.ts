/**
 * Command blocks in the browser: per-command copy and "copy all", a confirming second click for
 * destructive commands, for commands with placeholders left unfilled and for commands holding an
 * unusual value, and the variables panel. What is copied is what the command shows, less its
 * `.no-copy` parts (prompt, trailing comment). Values are data (src/domain/values.ts): cleaned, and
 * quoted for the shell where they are not plain words. A placeholder with a default shows the
 * guide's value until the variable is given one, and copying it needs no confirmation.
 */
import { defaultTitle, matchQuery, type QueryMatch } from '../../domain/placeholders.ts';
import { isUnusual, prepareValue, quoteInto, type QuoteContext } from '../../domain/values.ts';
import { copyToClipboard } from './clipboard.ts';
import { initPlaceholderEditor } from './placeholder-editor.ts';

const CONFIRM_WINDOW_MS = 6000;

/** The command as it stands on the page: placeholders as filled in, without prompt or comments. */
export function commandText(command: HTMLElement): string {
  const code = command.querySelector('code');
  if (!code) return '';
  const clone = code.cloneNode(true) as HTMLElement;
  for (const skip of clone.querySelectorAll('.no-copy')) skip.remove();
  return (clone.textContent ?? '').trim();
}

function unfilledIn(commands: HTMLElement[]): string[] {
  const names = commands.flatMap((c) =>
    [...c.querySelectorAll<HTMLElement>('.ph:not(.is-filled):not(.is-default)')].map(
      (p) => p.dataset['placeholder'] ?? '',
    ),
  );
  return [...new Set(names)];
}

/** "namespace holds $ ( ), which the shell would read as code", once per variable. */
function unusualIn(commands: HTMLElement[]): string[] {
  const found = commands.flatMap((c) =>
    [...c.querySelectorAll<HTMLElement>('.ph.is-unusual')].map(
      (p) => `${p.dataset['var']} ${p.dataset['problems'] ?? ''}`,
    ),
  );
  return [...new Set(found)];
}

interface CopyRequest {
  button: HTMLButtonElement;
  status: HTMLElement;
  commands: HTMLElement[];
  label: string;
}

function wireCopy({ button, status, commands, label }: CopyRequest): void {
  let armedUntil = 0;
  let reset: number | undefined;
  const say = (message: string, tone: 'info' | 'warn' | 'error' = 'info') => {
    status.textContent = message;
    status.dataset['tone'] = tone;
  };
  button.hidden = false;
  button.addEventListener('click', async () => {
    window.clearTimeout(reset);
    const destructive = commands.filter((c) => c.dataset['safety'] === 'destructive');
    const unfilled = unfilledIn(commands);
    const unusual = unusualIn(commands);
    const needsConfirm = destructive.length > 0 || unfilled.length > 0 || unusual.length > 0;
    if (needsConfirm && Date.now() > armedUntil) {
      const warnings: string[] = [];
      if (destructive.length > 0) {
        const reasons = [...new Set(destructive.map((c) => c.dataset['reasons'] ?? ''))].filter(Boolean).join('; ');
        warnings.push(`Destructive${reasons ? `: ${reasons}` : ''}.`);
      }
      if (unfilled.length > 0) {
        warnings.push(`Not filled in: ${unfilled.join(', ')} (bash reads <…> as a redirection).`);
      }
      if (unusual.length > 0) {
        warnings.push(
          `Unusual value: ${unusual.join('; ')}. It is quoted, so the shell reads it as text: check it is what you meant.`,
        );
      }
      say(`${warnings.join(' ')} Click again to copy.`, 'warn');
      button.textContent = 'Click again to copy';
      button.classList.add('is-armed');
      armedUntil = Date.now() + CONFIRM_WINDOW_MS;
      reset = window.setTimeout(() => {
        armedUntil = 0;
        button.textContent = label;
        button.classList.remove('is-armed');
        say('');
      }, CONFIRM_WINDOW_MS);
      return;
    }
    armedUntil = 0;
    button.classList.remove('is-armed');
    const text = commands.map(commandText).join('\n');
    const copied = await copyToClipboard(text);
    button.textContent = copied ? 'Copied' : label;
    say(
      copied
        ? commands.length > 1
          ? `Copied ${commands.length} commands.`
          : 'Copied.'
        : 'Copying is blocked here: select the command and press Ctrl+C.',
      copied ? 'info' : 'error',
    );
    reset = window.setTimeout(() => {
      button.textContent = label;
      say('');
    }, 2500);
  });
}

function statusFor(container: HTMLElement): HTMLElement {
  const status = document.createElement('span');
  status.className = 'cmd__status';
  status.setAttribute('role', 'status');
  container.append(status);
  return status;
}

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

function initVariables(panel: HTMLElement): void {
  const inputs = [...panel.querySelectorAll<HTMLInputElement>('[data-var-input]')];
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
  };
  const keepInUrl = () => {
    const url = new URL(location.href);
    for (const input of inputs) {
      const key = input.dataset['varInput'] ?? '';
      const { value } = prepareValue(key, input.value);
      if (value === '') url.searchParams.delete(key);
      else url.searchParams.set(key, value);
    }
    history.replaceState(history.state, '', url);
  };
  const fromUrl = matchQuery(
    location.search,
    inputs.map((i) => i.dataset['varInput'] ?? ''),
    labelVariablesOf(panel),
  );
  const prefill = new Map(fromUrl.applied.map((a) => [a.key, a.value]));
  for (const input of inputs) {
    input.value = prefill.get(input.dataset['varInput'] ?? '') ?? '';
    input.addEventListener('input', () => {
      apply();
      keepInUrl();
    });
  }
  const report = panel.querySelector<HTMLElement>('[data-variables-from-url]');
  if (report) reportQuery(report, fromUrl, inputs);
  panel.hidden = false;
  apply();
  initPlaceholderEditor(panel);
}

/** Longer values are cut for the report (the field holds the whole value). */
const shown = (value: string) => (value.length > 60 ? `${value.slice(0, 57)}…` : value);

/**
 * Says what the link's parameters did: which filled a variable of this page and which matched
 * nothing here, so an alert label that fills nothing (a misspelt name, a page without that
 * placeholder) is seen instead of silently lost. Values are cleaned before they are shown.
 */
function reportQuery(report: HTMLElement, { applied, unmatched }: QueryMatch, inputs: HTMLInputElement[]): void {
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

export function initCommandBlocks(): void {
  const panel = document.querySelector<HTMLElement>('[data-variables]');
  if (panel) initVariables(panel);
  for (const block of document.querySelectorAll<HTMLElement>('.cmd-block')) {
    const commands = [...block.querySelectorAll<HTMLElement>('.cmd')];
    for (const command of commands) {
      const button = command.querySelector<HTMLButtonElement>('.cmd__copy');
      const tools = command.querySelector<HTMLElement>('.cmd__tools');
      if (button && tools) wireCopy({ button, status: statusFor(tools), commands: [command], label: 'Copy' });
    }
    const all = block.querySelector<HTMLButtonElement>('.cmd-block__copy-all');
    const bar = block.querySelector<HTMLElement>('.cmd-block__bar');
    if (all && bar) wireCopy({ button: all, status: statusFor(bar), commands, label: all.textContent ?? 'Copy all' });
  }
}
