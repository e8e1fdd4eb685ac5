/**
 * The editor of src/client/copy/placeholder-editor.ts itself: loaded when a placeholder is first
 * clicked, so the page an alert opens does not load it.
 */

const MARGIN = 8;

export interface EditorBox {
  element: HTMLElement;
  open(ph: HTMLElement): void;
  close(returnFocus: boolean): void;
}

export function createEditorBox(fields: ReadonlyMap<string, HTMLInputElement>): EditorBox {
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
  return { element: editor, open, close };
}
