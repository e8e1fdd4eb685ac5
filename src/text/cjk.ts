/**
 * Chinese, Japanese and Korean text has no spaces between words, so a word index sees a whole
 * sentence as one word and finds it only by its start. Overlapping character pairs (bigrams) are the
 * usual remedy: the page carries the bigrams of its CJK runs as hidden indexed text, and a CJK query is
 * searched as its bigrams, so any part of "付费模式与实际实例不一致", such as "实际实例", finds the page.
 */
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

export function hasCjk(text: string): boolean {
  return new RegExp(CJK_RUN.source, 'u').test(text);
}

/**
 * Only a text's CJK runs, space-separated: all that cjkBigrams reads of it, so the bigrams of
 * `cjkRuns(text)` are those of the text. Pages keep this of their source instead of the source.
 */
export function cjkRuns(text: string): string {
  return Array.from(text.matchAll(CJK_RUN), ([run]) => run).join(' ');
}

/** The bigrams of every CJK run in a text, space-separated; single characters stand alone. */
export function cjkBigrams(text: string): string {
  const words: string[] = [];
  for (const [run] of text.matchAll(CJK_RUN)) {
    const chars = [...run];
    if (chars.length === 1) words.push(run);
    for (let i = 0; i + 1 < chars.length; i++) words.push(chars[i]! + chars[i + 1]!);
  }
  return [...new Set(words)].join(' ');
}
