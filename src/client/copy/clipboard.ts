/**
 * Puts text on the clipboard. The Clipboard API needs a secure context (https or localhost); docs
 * served over plain http on a LAN address fall back to a hidden textarea and execCommand('copy').
 *
 * The text may still be on its way (code loaded on the click): a ClipboardItem takes the promise
 * inside the click, which is how Safari allows a write that finishes later; elsewhere the click's
 * user activation (five seconds) covers the wait.
 */
export async function copyToClipboard(text: string | Promise<string>): Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard) {
    try {
      if (typeof text === 'string') await navigator.clipboard.writeText(text);
      else if (typeof ClipboardItem === 'function')
        await navigator.clipboard.write([
          new ClipboardItem({ 'text/plain': text.then((t) => new Blob([t], { type: 'text/plain' })) }),
        ]);
      else await navigator.clipboard.writeText(await text);
      return true;
    } catch {
      // Permission refused: try the fallback.
    }
  }
  const area = document.createElement('textarea');
  area.value = await text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  area.style.pointerEvents = 'none';
  document.body.append(area);
  const focused = document.activeElement as HTMLElement | null;
  area.select();
  let copied: boolean;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  focused?.focus();
  return copied;
}
