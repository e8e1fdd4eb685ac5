/**
 * Typographic characters that must never reach a shell (word processors and chat tools put them into
 * commands), and what the author meant by each. The page shows and copies the plain form; the
 * validator warns where the source has the typographic one.
 */
export const TYPOGRAPHIC: Readonly<Record<string, string>> = {
  '“': '"',
  '”': '"',
  '„': '"',
  '‘': "'",
  '’': "'",
  '–': '--',
  '—': '--',
  '\u00a0': ' ',
};

const TYPOGRAPHIC_CHARACTER = new RegExp(`[${Object.keys(TYPOGRAPHIC).join('')}]`, 'g');

/** The text with smart quotes, dashes and no-break spaces put back to what a shell expects. */
export function plainShellText(text: string): string {
  return text.replace(TYPOGRAPHIC_CHARACTER, (c) => TYPOGRAPHIC[c] ?? c);
}

/** Every typographic character of a text, where it is and what it stands for. */
export function typographicCharacters(text: string): { index: number; character: string; plain: string }[] {
  return [...text.matchAll(TYPOGRAPHIC_CHARACTER)].map((m) => ({
    index: m.index ?? 0,
    character: m[0],
    plain: TYPOGRAPHIC[m[0]]!,
  }));
}
