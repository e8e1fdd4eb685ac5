/**
 * Turns the plain top-to-bottom tree into a stepper: one question at a time, a breadcrumb of the
 * answers so far, back and restart, keyboard shortcuts (1–9 pick an answer, Backspace goes back) and
 * the position in the URL hash (#step=scope/pods), so a shared link opens the same step.
 */
import { formatTreeHash, pathFromHash, type TreeGraph } from '../domain/tree-path.ts';

export function initTreeStepper(root: HTMLElement): void {
  const nodes = new Map([...root.querySelectorAll<HTMLElement>('[data-node]')].map((n) => [n.dataset['node']!, n]));
  const graph: TreeGraph = {
    start: root.dataset['start']!,
    next: Object.fromEntries(
      [...nodes].map(([id, n]) => [
        id,
        [...n.querySelectorAll<HTMLElement>('[data-next]')].map((a) => a.dataset['next']!),
      ]),
    ),
  };
  const progress = root.querySelector<HTMLElement>('[data-tree-progress]')!;
  const breadcrumb = root.querySelector<HTMLElement>('[data-tree-breadcrumb]')!;
  const back = root.querySelector<HTMLButtonElement>('[data-tree-back]')!;
  let path = pathFromHash(location.hash, graph);

  const questionOf = (id: string) =>
    nodes
      .get(id)
      ?.querySelector('.tree-node__question')
      ?.textContent?.replace(/^\d+\.\s*/, '') ?? id;
  const answerLabel = (from: string, to: string) =>
    nodes.get(from)?.querySelector(`[data-next="${CSS.escape(to)}"] .tree-answer__label`)?.textContent ?? to;

  const render = (focus: boolean) => {
    const current = path.at(-1)!;
    for (const [id, node] of nodes) node.hidden = id !== current;
    breadcrumb.replaceChildren(
      ...path.slice(0, -1).map((id, i) => {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'tree__crumb';
        button.append(
          Object.assign(document.createElement('span'), {
            className: 'tree__crumb-question',
            textContent: questionOf(id),
          }),
          ' ',
        );
        button.append(Object.assign(document.createElement('strong'), { textContent: answerLabel(id, path[i + 1]!) }));
        button.addEventListener('click', () => go(path.slice(0, i + 1)));
        item.append(button);
        return item;
      }),
    );
    back.disabled = path.length === 1;
    // At the first question there is nothing to go back to: its answers come first.
    progress.hidden = path.length === 1;
    if (focus) nodes.get(current)?.querySelector<HTMLElement>('.tree-node__question')?.focus();
  };

  const go = (next: string[]) => {
    path = next;
    history.pushState(history.state, '', `${location.pathname}${location.search}${formatTreeHash(path)}`);
    render(true);
  };

  root.classList.add('is-stepper');
  const keysHint = document.querySelector<HTMLElement>('[data-tree-keys]');
  if (keysHint) keysHint.hidden = false;
  root.addEventListener('click', (event) => {
    const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[data-next]');
    if (link) {
      event.preventDefault();
      go([...path, link.dataset['next']!]);
      return;
    }
    // Runbook answers carry the page's query on, so variables from an alert link follow the reader.
    const runbook = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[data-runbook]');
    if (runbook && location.search) {
      const url = new URL(runbook.href);
      url.search = location.search;
      runbook.href = url.href;
    }
  });
  back.addEventListener('click', () => go(path.slice(0, -1)));
  root.querySelector<HTMLButtonElement>('[data-tree-restart]')!.addEventListener('click', () => go([graph.start]));
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (event.altKey || event.ctrlKey || event.metaKey || target.closest('input, textarea, select, [contenteditable]'))
      return;
    if (event.key === 'Backspace' && path.length > 1) {
      event.preventDefault();
      go(path.slice(0, -1));
      return;
    }
    const answer = nodes.get(path.at(-1)!)?.querySelector<HTMLAnchorElement>(`a[data-key="${event.key}"]`);
    if (answer) {
      event.preventDefault();
      answer.click();
    }
  });
  window.addEventListener('popstate', () => {
    path = pathFromHash(location.hash, graph);
    render(true);
  });
  render(location.hash.startsWith('#step'));
}
