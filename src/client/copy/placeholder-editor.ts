/**
 * Click a placeholder in a command to fill it where it is: a small editor opens under the command (which
 * stays in sight, so the value is seen going in), bound to the
 * variables panel's field for that variable (the panel stays the one source of values, so the value
 * goes into every command and the address the same way). Enter or Escape closes it and puts the focus
 * on the command's copy button; a click elsewhere closes it too. A click that ends a text selection
 * selects, it does not open the editor.
 */

const MARGIN = 8;

export function initPlaceholderEditor(panel: HTMLElement): void {
  const fields = new Map(
    [...panel.querySelectorAll<HTMLInputElement>('[data-var-input]')].map((i) => [i.dataset['varInput'] ?? '', i]),
  );
  const editor = document.createElement('div');
  editor.className = 'ph-editor no-print';
  editor.setAttribute('role', 'dialog');
  editor.hidden = true;
  const label = document.createElement('label');
  label.className = 'ph-editor__label';
  label.htmlFor = 'ph-editor-input';
  const input = document.createElement('input');
  input.id = 'ph-editor-input';
  input.type = 'text';
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.setAttribute('autocapitalize', 'off');
  input.enterKeyHint = 'done';
  const note = document.createElement('span');
  note.className = 'ph-editor__note';
  note.setAttribute('role', 'status');
  const done = document.createElement('button');
  done.type = 'button';
  done.className = 'ph-editor__done';
  done.textContent = 'Done';
  const row = document.createElement('div');
  row.className = 'ph-editor__row';
  row.append(input, done);
  editor.append(label, row, note);
  editor.setAttribute('aria-labelledby', 'ph-editor-label');
  label.id = 'ph-editor-label';
  document.body.append(editor);

  let field: HTMLInputElement | undefined;
  let from: HTMLElement | undefined;

  const showNote = () => {
    note.textContent = field?.parentElement?.querySelector('.variables__note')?.textContent ?? '';
  };
  const close = (returnFocus: boolean) => {
    if (editor.hidden) return;
    editor.hidden = true;
    if (returnFocus) from?.closest('.cmd')?.querySelector<HTMLElement>('.cmd__copy')?.focus();
    field = undefined;
    from = undefined;
  };
  const open = (ph: HTMLElement) => {
    field = fields.get(ph.dataset['var'] ?? '');
    if (!field) return;
    from = ph;
    const name = ph.dataset['placeholder'] ?? ph.dataset['var'] ?? '';
    label.textContent = ph.dataset['default'] ? `Fill ${name} (default ${ph.dataset['default']})` : `Fill ${name}`;
    input.value = field.value;
    input.placeholder = ph.dataset['default'] ?? field.placeholder;
    showNote();
    editor.hidden = false;
    const box = ph.getBoundingClientRect();
    const below = (ph.closest('.cmd') ?? ph).getBoundingClientRect().bottom;
    const width = editor.offsetWidth;
    const left = Math.max(MARGIN, Math.min(box.left, document.documentElement.clientWidth - width - MARGIN));
    editor.style.left = `${left + window.scrollX}px`;
    editor.style.top = `${below + window.scrollY + 4}px`;
    input.focus();
    input.select();
  };

  for (const key of fields.keys()) {
    for (const ph of document.querySelectorAll<HTMLElement>(`.cmd-block .ph[data-var="${CSS.escape(key)}"]`)) {
      ph.classList.add('is-editable');
    }
  }
  document.addEventListener('click', (event) => {
    const target = event.target as HTMLElement;
    if (editor.contains(target)) return;
    const ph = target.closest<HTMLElement>('.ph.is-editable');
    const selection = window.getSelection();
    if (ph && (!selection || selection.isCollapsed)) {
      open(ph);
      return;
    }
    close(false);
  });
  input.addEventListener('input', () => {
    if (!field) return;
    field.value = input.value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    showNote();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === 'Escape') {
      event.preventDefault();
      close(true);
    }
  });
  done.addEventListener('click', () => close(true));
}
