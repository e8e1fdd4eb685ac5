/**
 * The bar at the top of every page the companion serves: which kubectl context the Run buttons work
 * on (its cluster and server, user and default namespace), and the one confirmation of it per start
 * that any run waits for. The server keeps the confirmation; the bar only asks for it and shows it.
 */
import type { CompanionState } from '../../companion/protocol.ts';
import type { Api } from './api.ts';
import { el } from '../dom.ts';

export interface ContextBar {
  readonly confirmed: boolean;
  /** Draws attention to the confirmation (a Run click before it). */
  ask(): void;
}

export function createContextBar(state: CompanionState, api: Api): ContextBar {
  const { context } = state;
  let confirmed = state.confirmed;
  const bar = el('div', 'companion-bar');
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', 'kubectl context of runbook serve');
  const inner = el('div', 'companion-bar__inner');
  const name = el('strong', 'companion-bar__name', context.context);
  const title = el('span', 'companion-bar__context', 'kubectl context ');
  title.append(name);
  const detail = el(
    'span',
    'companion-bar__detail',
    `cluster ${context.cluster} (${context.server}) · user ${context.user} · namespace ${context.namespace}`,
  );
  const button = el('button', 'companion-bar__confirm', `Work on ${context.context}`);
  button.type = 'button';
  const status = el('span', 'companion-bar__status');
  status.setAttribute('role', 'status');
  inner.append(el('span', 'companion-bar__label', 'runbook serve'), title, detail, button, status);
  bar.append(inner);

  const show = () => {
    bar.classList.toggle('is-confirmed', confirmed);
    button.hidden = confirmed;
    status.textContent = confirmed
      ? `Confirmed: Run buttons work on ${context.context}. Logs go to ${state.logDir}.`
      : 'Not confirmed: nothing runs until you confirm this is the cluster to work on.';
  };
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      confirmed = (await api.confirmContext(context.context)).confirmed;
      show();
    } catch (error) {
      status.textContent = `Not confirmed: ${(error as Error).message}`;
    } finally {
      button.disabled = false;
    }
  });
  show();
  // First in the page after the skip link, so it is the first thing read and seen.
  const skip = document.querySelector('.skip-link');
  if (skip) skip.after(bar);
  else document.body.prepend(bar);
  // It stays on screen (sticky): headings jumped to keep clear of it (scroll-padding-top in companion.css).
  new ResizeObserver(() =>
    document.documentElement.style.setProperty('--companion-bar-height', `${bar.offsetHeight}px`),
  ).observe(bar);

  return {
    get confirmed() {
      return confirmed;
    },
    ask() {
      bar.classList.remove('is-asking');
      void bar.offsetWidth; // restart the highlight
      bar.classList.add('is-asking');
      button.focus();
    },
  };
}
