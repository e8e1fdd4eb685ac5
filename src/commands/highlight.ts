/**
 * Shiki tokens for shell code, in both themes at once. The site shows each command on its own, with
 * placeholders as their own elements, so it cuts the tokens itself instead of taking Shiki's HTML.
 */
import { createHighlighter, type BundledLanguage, type BundledTheme, type HighlighterGeneric } from 'shiki';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';

export const CODE_THEMES = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } as const;

export interface CodeToken {
  start: number;
  end: number;
  /** CSS custom properties for both themes: { '--shiki-light': '#…', '--shiki-dark': '#…' }. */
  style: Record<string, string>;
}

let highlighter: Promise<HighlighterGeneric<BundledLanguage, BundledTheme>> | undefined;

function loadHighlighter(): Promise<HighlighterGeneric<BundledLanguage, BundledTheme>> {
  // Shiki's JavaScript regex engine: the same tokens as Oniguruma's WebAssembly for the bash grammar
  // (checked on every block of the content), at less than half the cost per block.
  highlighter ??= createHighlighter({
    themes: Object.values(CODE_THEMES),
    langs: ['bash'],
    engine: createJavaScriptRegexEngine(),
  }).then((shiki) => {
    // The first tokenization after the highlighter is made gives the first theme's default colour to
    // every token (Shiki 4, with two themes): run one and throw it away, so a block is highlighted the
    // same whether it is the first of a process or not (the build renders in parallel and caches).
    shiki.codeToTokens('true', { lang: 'bash', themes: CODE_THEMES, defaultColor: false });
    return shiki;
  });
  return highlighter;
}

/** Tokens of bash code with their absolute offsets. Pass code whose placeholders are masked. */
export async function tokenizeShell(
  code: string,
): Promise<{ tokens: CodeToken[]; blockStyle: Record<string, string> }> {
  const shiki = await loadHighlighter();
  const result = shiki.codeToTokens(code, { lang: 'bash', themes: CODE_THEMES, defaultColor: false });
  const tokens: CodeToken[] = [];
  for (const line of result.tokens) {
    for (const token of line) {
      const style = typeof token.htmlStyle === 'object' ? (token.htmlStyle as Record<string, string>) : {};
      tokens.push({ start: token.offset, end: token.offset + token.content.length, style });
    }
  }
  const blockStyle: Record<string, string> = {};
  for (const declaration of (result.rootStyle || '').split(';')) {
    const [name, value] = declaration.split(':');
    if (name && value) blockStyle[name.trim()] = value.trim();
  }
  return { tokens, blockStyle };
}
