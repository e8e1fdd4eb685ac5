/**
 * Mis-decoded text ("mojibake"): UTF-8 bytes that an export read as Mac Roman or Windows-1252, so
 * "→" became "‚Üí" or "â†’". The guides carry both kinds. Finding and undoing it is mechanical:
 * re-encode a run of suspicious characters with the wrong code page and decode the bytes as UTF-8;
 * if that yields valid UTF-8 with a character outside ASCII, the run was mojibake.
 */

/** The characters of bytes 0x80..0xFF in each code page (undefined bytes of cp1252 are U+FFFD). */
const CODE_PAGES: Record<string, string> = {
  macRoman:
    '\u00c4\u00c5\u00c7\u00c9\u00d1\u00d6\u00dc\u00e1\u00e0\u00e2\u00e4\u00e3\u00e5\u00e7\u00e9\u00e8\u00ea\u00eb\u00ed\u00ec\u00ee\u00ef\u00f1\u00f3\u00f2\u00f4\u00f6\u00f5\u00fa\u00f9\u00fb\u00fc\u2020\u00b0\u00a2\u00a3\u00a7\u2022\u00b6\u00df\u00ae\u00a9\u2122\u00b4\u00a8\u2260\u00c6\u00d8\u221e\u00b1\u2264\u2265\u00a5\u00b5\u2202\u2211\u220f\u03c0\u222b\u00aa\u00ba\u03a9\u00e6\u00f8\u00bf\u00a1\u00ac\u221a\u0192\u2248\u2206\u00ab\u00bb\u2026\u00a0\u00c0\u00c3\u00d5\u0152\u0153\u2013\u2014\u201c\u201d\u2018\u2019\u00f7\u25ca\u00ff\u0178\u2044\u20ac\u2039\u203a\ufb01\ufb02\u2021\u00b7\u201a\u201e\u2030\u00c2\u00ca\u00c1\u00cb\u00c8\u00cd\u00ce\u00cf\u00cc\u00d3\u00d4\uf8ff\u00d2\u00da\u00db\u00d9\u0131\u02c6\u02dc\u00af\u02d8\u02d9\u02da\u00b8\u02dd\u02db\u02c7',
  windows1252:
    '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178\u00a0\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7\u00a8\u00a9\u00aa\u00ab\u00ac\u00ad\u00ae\u00af\u00b0\u00b1\u00b2\u00b3\u00b4\u00b5\u00b6\u00b7\u00b8\u00b9\u00ba\u00bb\u00bc\u00bd\u00be\u00bf\u00c0\u00c1\u00c2\u00c3\u00c4\u00c5\u00c6\u00c7\u00c8\u00c9\u00ca\u00cb\u00cc\u00cd\u00ce\u00cf\u00d0\u00d1\u00d2\u00d3\u00d4\u00d5\u00d6\u00d7\u00d8\u00d9\u00da\u00db\u00dc\u00dd\u00de\u00df\u00e0\u00e1\u00e2\u00e3\u00e4\u00e5\u00e6\u00e7\u00e8\u00e9\u00ea\u00eb\u00ec\u00ed\u00ee\u00ef\u00f0\u00f1\u00f2\u00f3\u00f4\u00f5\u00f6\u00f7\u00f8\u00f9\u00fa\u00fb\u00fc\u00fd\u00fe\u00ff',
};

export interface MojibakeRun {
  index: number;
  text: string;
  repaired: string;
  codePage: string;
}

function runsOf(text: string, highHalf: string): { index: number; text: string }[] {
  const pattern = new RegExp(`[${highHalf.replace(/[\\\]^-]/g, '\\$&').replace('\ufffd', '')}]{2,}`, 'gu');
  return [...text.matchAll(pattern)].map((m) => ({ index: m.index ?? 0, text: m[0] }));
}

function decodeRun(run: string, highHalf: string): string | undefined {
  const bytes = Uint8Array.from([...run].map((ch) => 0x80 + highHalf.indexOf(ch)));
  try {
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const plausible = /\P{ASCII}/u.test(decoded) && !/[\p{Cc}\p{Co}\p{Cn}]/u.test(decoded);
    return plausible ? decoded : undefined;
  } catch {
    return undefined;
  }
}

const combiningMarks = (text: string) => (text.match(/\p{M}/gu) ?? []).length;

/** Every mis-decoded run in a text, with what it should have been. */
export function findMojibake(text: string): MojibakeRun[] {
  const candidates: MojibakeRun[] = [];
  for (const [codePage, highHalf] of Object.entries(CODE_PAGES)) {
    for (const run of runsOf(text, highHalf)) {
      // A run may hold a valid sequence after a stray character: try each start, longest first.
      for (let start = 0; start < run.text.length - 1; start++) {
        for (let end = run.text.length; end > start + 1; end--) {
          const candidate = run.text.slice(start, end);
          const repaired = decodeRun(candidate, highHalf);
          if (repaired) {
            candidates.push({ index: run.index + start, text: candidate, repaired, codePage });
            start = end - 1;
            break;
          }
        }
      }
    }
  }
  // Readings can overlap. The one that explains the longer run wins (a short accidental reading
  // inside a long one is noise); between equally long ones ("Ã©" is a lone combining mark as Mac
  // Roman, "é" as Windows-1252) the one with fewer combining marks wins.
  candidates.sort((a, b) => b.text.length - a.text.length || combiningMarks(a.repaired) - combiningMarks(b.repaired));
  const chosen: MojibakeRun[] = [];
  for (const c of candidates) {
    const overlaps = chosen.some((k) => c.index < k.index + k.text.length && k.index < c.index + c.text.length);
    if (!overlaps) chosen.push(c);
  }
  return chosen.sort((a, b) => a.index - b.index);
}

/** The text with every mis-decoded run replaced by its original characters. */
export function repairMojibake(text: string): string {
  let out = '';
  let last = 0;
  for (const run of findMojibake(text)) {
    if (run.index < last) continue;
    out += text.slice(last, run.index) + run.repaired;
    last = run.index + run.text.length;
  }
  return out + text.slice(last);
}
