import { THEME_KEY } from '../domain/browser-storage.ts';

/** Light/dark switch. The choice is remembered; until then the OS preference rules. */
type Theme = 'light' | 'dark';

function effectiveTheme(): Theme {
  const chosen = document.documentElement.dataset['theme'];
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function initThemeToggle(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    const label = () => {
      const next = effectiveTheme() === 'dark' ? 'Light' : 'Dark';
      button.textContent = `${next} theme`;
      button.setAttribute('aria-label', `Switch to ${next.toLowerCase()} theme`);
    };
    button.hidden = false;
    label();
    button.addEventListener('click', () => {
      const next: Theme = effectiveTheme() === 'dark' ? 'light' : 'dark';
      document.documentElement.dataset['theme'] = next;
      try {
        localStorage.setItem(THEME_KEY, next);
      } catch {
        // Private windows may refuse storage; the switch still applies to this page.
      }
      label();
    });
  }
}
