/**
 * What every page carries of search: the button and the shortcuts (/ anywhere but a text field, the
 * home page's empty box included; Ctrl-K or Cmd-K). The dialog's code (dialog.ts) and the index load when search is first opened, so a
 * page that is only read costs no search bytes.
 */
export function initSearch(): void {
  const dialog = document.querySelector<HTMLDialogElement>('[data-search]');
  const openButton = document.querySelector<HTMLButtonElement>('[data-search-open]');
  const input = dialog?.querySelector<HTMLInputElement>('#search-input');
  if (!dialog || !openButton || !input) return;
  let setUp: Promise<import('./controller.ts').SearchBox> | undefined;

  const open = () => {
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
    setUp ??= import('./dialog.ts').then(({ setUpSearch }) => setUpSearch(dialog));
  };

  openButton.hidden = false;
  openButton.addEventListener('click', open);
  dialog.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close(); // a click on the backdrop
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      // A search field clears itself on Escape; here Escape means "close search", as people expect.
      event.preventDefault();
      dialog.close();
    } else if (event.key === 'Enter') {
      // Handled here, not in dialog.ts: Enter right after typing an ID must work even while the
      // search code is still loading.
      event.preventDefault();
      void setUp?.then((search) => search.submit());
    }
  });
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    // The home page's box has focus, so "/" there opens search too while it is empty; once something
    // is typed, "/" is part of it (a path, "0/3 nodes").
    const emptyJumpBox = target instanceof HTMLInputElement && target.closest('[data-id-jump]') && target.value === '';
    const typing = !emptyJumpBox && target.closest('input, textarea, select, [contenteditable]');
    if ((event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      open();
    } else if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      open();
    }
  });
}
