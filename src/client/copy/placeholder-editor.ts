/**
 * Click a placeholder in a command to fill it where it is: a small editor opens under the command (which
 * stays in sight, so the value is seen going in), bound to the
 * variables panel's field for that variable (the panel stays the one source of values, so the value
 * goes into every command and the address the same way). Enter or Escape closes it and puts the focus
 * on the command's copy button; a click elsewhere closes it too. A click that ends a text selection
 * selects, it does not open the editor.
 */

import type { EditorBox } from './placeholder-editor-box.ts';

/** `opening`: called as an editor opens, before the reader types into it. */
export function initPlaceholderEditor(panel: HTMLElement, opening: () => void): void {
  const fields = new Map(
    [...panel.querySelectorAll<HTMLInputElement>('[data-var-input]')].map((i) => [i.dataset['varInput'] ?? '', i]),
  );
  for (const key of fields.keys()) {
    for (const ph of document.querySelectorAll<HTMLElement>(`.cmd-block .ph[data-var="${CSS.escape(key)}"]`)) {
      ph.classList.add('is-editable');
    }
  }
  // The editor's code loads on the first click of a placeholder (a few milliseconds, from the site).
  let box: EditorBox | undefined;
  let loading: Promise<EditorBox> | undefined;
  document.addEventListener('click', (event) => {
    const target = event.target as HTMLElement;
    if (box?.element.contains(target)) return;
    const ph = target.closest<HTMLElement>('.ph.is-editable');
    const selection = window.getSelection();
    if (ph && (!selection || selection.isCollapsed)) {
      opening();
      loading ??= import('./placeholder-editor-box.ts').then(({ createEditorBox }) => (box = createEditorBox(fields)));
      void loading.then((editor) => editor.open(ph));
      return;
    }
    box?.close(false);
  });
}
