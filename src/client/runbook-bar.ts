/**
 * The runbook page's sticky bar. It shows the title once the page's heading has scrolled under it
 * (CSS does this with a scroll-state container query where supported; elsewhere this observer sets
 * .is-stuck), and its links to the variables panel and the notes scroll there and focus them without
 * changing the address, so a link shared from the page keeps its #diagnosis.
 */
export function initRunbookBar(bar: HTMLElement): void {
  const heading = document.querySelector<HTMLElement>('.runbook-header h1');
  if (heading && !CSS.supports('container-type', 'scroll-state')) {
    const observer = new IntersectionObserver(
      ([entry]) => bar.classList.toggle('is-stuck', entry !== undefined && !entry.isIntersecting),
      { rootMargin: `-${bar.offsetHeight}px 0px 0px 0px` },
    );
    observer.observe(heading);
  }
  const jump = (link: HTMLElement | null, target: HTMLElement | null, focus: () => HTMLElement | null) => {
    if (!link || !target) return;
    link.hidden = target.hidden;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      target.scrollIntoView({ block: 'start' });
      (focus() ?? target).focus({ preventScroll: true });
    });
  };
  const panel = document.querySelector<HTMLElement>('[data-variables]');
  jump(
    bar.querySelector<HTMLElement>('[data-bar-variables]'),
    panel,
    () =>
      [...(panel?.querySelectorAll<HTMLInputElement>('[data-var-input]') ?? [])].find((i) => i.value === '') ?? null,
  );
  const notes = document.querySelector<HTMLElement>('[data-notes]');
  jump(bar.querySelector<HTMLElement>('[data-bar-notes]'), notes, () => null);
}
