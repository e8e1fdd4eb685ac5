/**
 * Building page elements from text: the one helper the browser parts share, so nothing they show of
 * a page, a query or a command's output ever becomes markup.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = '',
  text?: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}
