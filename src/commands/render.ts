/**
 * A shell block as HTML (HAST): one element per command, with its safety class and copy button;
 * comments and console output shown between them but never copied; every placeholder its own
 * element (`.ph[data-var]`) so the variables panel can fill it in; one with a default
 * (`<namespace=klinematrix-prod>`) shows the default until then. What a command's code element shows,
 * less its `.no-copy` parts, is exactly what its copy button copies. Each word is kept whole
 * (`.w`, no wrapping inside): a narrow screen wraps a command between words, never inside a flag. On a
 * runbook page each command element that is a step of the catalogue carries its index there
 * (data-step), which is how the companion (`runbook serve`) names the command to run and incident
 * progress keys its ticks (the first-step box's copy of a step carries the same index).
 */
import { randomUUID } from 'node:crypto';
import type { Element, ElementContent, Properties } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { defaultTitle, maskPlaceholders, type PlaceholderSpan } from '../domain/placeholders.ts';
import { analyzeBlock, type AnalyzedBlock, type BlockPart } from './block.ts';
import { loadCommandReader, type CommandReader } from './reader.ts';
import { highlightShell, tokenClass, type CodeToken } from './highlight.ts';
import { memoOf, type BoundedMemo } from './memo.ts';
import type { Safety } from './safety.ts';
import { stepParts } from './steps.ts';

/** The code elements' language class; listed in astro.config.mjs so Astro's own Shiki pass skips them. */
export const COMMAND_CODE_LANGUAGE = 'command-block';

const SAFETY_LABEL: Record<Safety, string> = {
  'read-only': 'read-only',
  changes: 'changes',
  destructive: 'destructive',
};

function h(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}
const text = (value: string): ElementContent => ({ type: 'text', value });

interface Range {
  start: number;
  end: number;
}

/** The highlighted content of code[range], with placeholders and no-copy ranges as their own spans. */
function highlighted(
  block: AnalyzedBlock,
  tokens: readonly CodeToken[],
  range: Range,
  noCopy: readonly Range[] = [],
): ElementContent[] {
  const cuts = new Set<number>([range.start, range.end]);
  for (const t of tokens)
    if (t.end > range.start && t.start < range.end)
      cuts.add(Math.max(t.start, range.start)).add(Math.min(t.end, range.end));
  const placeholders = block.placeholders.filter((p) => p.start >= range.start && p.end <= range.end);
  for (const r of [...placeholders, ...noCopy]) cuts.add(r.start).add(r.end);
  const points = [...cuts].filter((c) => c >= range.start && c <= range.end).sort((a, b) => a - b);

  const out: ElementContent[] = [];
  let noCopySpan: Element | undefined;
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const token = tokens.find((t) => t.start <= start && t.end >= end);
    const placeholder = placeholders.find((p) => p.start === start);
    const inNoCopy = noCopy.find((r) => r.start <= start && r.end >= end);
    let node: ElementContent;
    if (placeholder) {
      const quote = placeholder.quote && placeholder.quote !== 'unquoted' ? placeholder.quote : undefined;
      const fallback = placeholder.default;
      const colour = token && tokenClass(token.kind);
      node = h(
        'span',
        {
          className: ['ph', ...(fallback === undefined ? [] : ['is-default']), ...(colour ? [colour] : [])],
          dataVar: placeholder.key,
          dataPlaceholder: placeholder.name,
          dataDefault: fallback,
          dataQuote: quote,
          title: fallback === undefined ? undefined : defaultTitle(placeholder.name),
        },
        [text(fallback ?? placeholder.text)],
      );
      while (i < points.length - 1 && points[i + 1]! < placeholder.end) i++;
    } else {
      const value = block.code.slice(start, end);
      const colour = token && tokenClass(token.kind);
      node = colour ? h('span', { className: [colour] }, [text(value)]) : text(value);
    }
    if (inNoCopy) {
      if (!noCopySpan || noCopySpan.properties['dataRange'] !== `${inNoCopy.start}`) {
        noCopySpan = h('span', { className: ['no-copy'], dataRange: `${inNoCopy.start}` });
        out.push(noCopySpan);
      }
      noCopySpan.children.push(node);
    } else {
      noCopySpan = undefined;
      out.push(node);
    }
  }
  for (const node of out)
    if (node.type === 'element' && node.properties['dataRange'] !== undefined) delete node.properties['dataRange'];
  return out;
}

const hasClass = (node: ElementContent, name: string) =>
  node.type === 'element' && Array.isArray(node.properties['className']) && node.properties['className'].includes(name);

/** Characters between which no browser breaks a line: a word of only these needs no `.w`. */
const UNBREAKABLE_WORD = /^[A-Za-z0-9_.]*$/;

/**
 * Groups each run of non-space characters into a `span.w` (white-space: nowrap), so code wraps only
 * at spaces: browsers also break after `-` and `/`, which splits `--replicas=0` or `deployment.yaml`.
 * Placeholders hold no spaces and stay inside their word; `.no-copy` parts get words of their own.
 */
function keepWordsWhole(nodes: readonly ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  let word: Element | undefined;
  let wordText = '';
  const endWord = () => {
    if (word && UNBREAKABLE_WORD.test(wordText)) out.splice(out.indexOf(word), 1, ...word.children);
    word = undefined;
    wordText = '';
  };
  const addToWord = (node: ElementContent, value: string) => {
    if (!word) {
      word = h('span', { className: ['w'] });
      out.push(word);
    }
    word.children.push(node);
    wordText += value;
  };
  for (const node of nodes) {
    if (node.type === 'element' && hasClass(node, 'no-copy')) {
      endWord();
      out.push({ ...node, children: keepWordsWhole(node.children) });
    } else if (node.type === 'element' && hasClass(node, 'ph')) {
      // A value filled in later may hold any character: its word is always kept whole.
      addToWord(node, '-');
    } else {
      const value = node.type === 'text' ? node.value : node.type === 'element' ? textOf(node) : '';
      for (const piece of value.split(/(\s+)/)) {
        if (piece === '') continue;
        if (/^\s/.test(piece)) {
          endWord();
          out.push(text(piece));
        } else {
          addToWord(node.type === 'element' ? { ...node, children: [text(piece)] } : text(piece), piece);
        }
      }
    }
  }
  endWord();
  return out;
}

const textOf = (node: Element): string =>
  node.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : '')).join('');

function codeElement(children: ElementContent[]): Element {
  return h('pre', { className: ['cmd__pre'] }, [
    h('code', { className: [`language-${COMMAND_CODE_LANGUAGE}`] }, keepWordsWhole(children)),
  ]);
}

function renderPart(
  block: AnalyzedBlock,
  tokens: readonly CodeToken[],
  part: BlockPart,
  step?: number | string,
): Element {
  if (part.kind === 'output') {
    return h('div', { className: ['cmd-output'] }, [codeElement([text(block.code.slice(part.start, part.end))])]);
  }
  if (part.kind === 'comment') {
    return h('div', { className: ['cmd-comment'] }, [codeElement(highlighted(block, tokens, part))]);
  }
  const safety = part.safety?.safety ?? 'changes';
  const reasons = part.safety?.reasons.join('; ') ?? '';
  const tools: ElementContent[] = [];
  if (safety !== 'read-only') {
    tools.push(
      h('span', { className: ['cmd__safety', `cmd__safety--${safety}`], title: reasons || undefined }, [
        text(SAFETY_LABEL[safety]),
      ]),
    );
  }
  tools.push(
    h('button', { type: 'button', className: ['cmd__copy'], hidden: true, ariaLabel: 'Copy this command' }, [
      text('Copy'),
    ]),
  );
  const properties = { className: ['cmd', `cmd--${safety}`], dataSafety: safety, dataReasons: reasons || undefined };
  return h('div', step === undefined ? properties : { ...properties, dataStep: String(step) }, [
    codeElement(highlighted(block, tokens, part, part.noCopy ?? [])),
    h('div', { className: ['cmd__tools'], dataPagefindIgnore: '' }, tools),
  ]);
}

/** `steps`: the catalogue's index of each command part that is a step (runbook pages). */
export function renderCommandBlock(
  block: AnalyzedBlock,
  tokens: readonly CodeToken[],
  lang: string,
  steps: ReadonlyMap<BlockPart, number | string> = new Map(),
): Element {
  const commands = block.parts.filter((p) => p.kind === 'command');
  const destructive = commands.filter((p) => p.safety?.safety === 'destructive').length;
  const bar: ElementContent[] = [h('span', { className: ['cmd-block__lang'] }, [text(lang)])];
  if (destructive > 0) {
    bar.push(
      h('span', { className: ['cmd-block__warning'] }, [
        text(destructive === 1 ? '1 destructive command' : `${destructive} destructive commands`),
      ]),
    );
  }
  if (commands.length > 1) {
    bar.push(
      h('button', { type: 'button', className: ['cmd-block__copy-all'], hidden: true }, [
        text(`Copy all ${commands.length}`),
      ]),
    );
  }
  return h('div', { className: ['cmd-block'], dataLang: lang }, [
    h('div', { className: ['cmd-block__bar'], dataPagefindIgnore: '' }, bar),
    h(
      'div',
      { className: ['cmd-block__body', 'astro-code'] },
      block.parts.map((p) => renderPart(block, tokens, p, steps.get(p))),
    ),
  ]);
}

/** The code as the highlighter should see it: placeholders masked so `<pod-name>` is one word. */
const codeForHighlighting = (block: AnalyzedBlock) =>
  maskPlaceholders(
    block.code,
    block.placeholders.filter((p) => p.text.startsWith('<')),
  );

/**
/**
 * The colours of a block's commands and comments (console output stays plain): each command part is
 * read on its own, so a transcript's output never confuses the parse of the command after it.
 */
function tokensOf(block: AnalyzedBlock, reader: CommandReader): CodeToken[] {
  const masked = codeForHighlighting(block);
  return block.parts.flatMap((part) =>
    part.kind === 'output' ? [] : highlightShell(masked.slice(part.start, part.end), reader.parser, part.start),
  );
}

/**
 * Shell code (bash, sh, shell, console) as a command block, with the analysis it was rendered from.
 * `firstStep`: on a runbook page, the catalogue index of the block's first step (the steps before it
 * on the page); its steps are numbered from there.
 */
export async function buildCommandBlock(
  code: string,
  lang: string,
  firstStep?: number,
): Promise<{ element: Element; placeholders: PlaceholderSpan[]; block: AnalyzedBlock }> {
  const reader = await loadCommandReader();
  const block = analyzeBlock(code, lang, reader);
  const steps =
    firstStep === undefined ? undefined : new Map(stepParts(block).map(({ part }, i) => [part, firstStep + i]));
  return {
    element: renderCommandBlock(block, tokensOf(block, reader), lang, steps),
    placeholders: block.placeholders,
    block,
  };
}

/** A block's analysis and its HTML with a mark where each step's index goes (see commandBlockHtml). */
interface KeptBlock {
  block: AnalyzedBlock;
  template: string;
}

/**
 * Marks a step index in a kept block's HTML. Random per process, so no page's text can hold it; it sits
 * in a data-step attribute, where nothing is escaped that could split it.
 */
const STEP_MARK = `step-${randomUUID()}-`;
const STEP_MARKS = new RegExp(`${STEP_MARK}(\\d+)`, 'g');
const kept = new WeakMap<CommandReader, BoundedMemo<string, KeptBlock>>();

/**
 * The same block as buildCommandBlock, as HTML: analysed, coloured and rendered once per distinct
 * block text (memo.ts), with only the step indexes written in for each use. The analysis is shared
 * between the uses: read it, never change it.
 */
export async function commandBlockHtml(
  code: string,
  lang: string,
  firstStep?: number,
): Promise<{ html: string; placeholders: PlaceholderSpan[]; block: AnalyzedBlock }> {
  const reader = await loadCommandReader();
  const memo = memoOf(kept, reader);
  // Pages number their steps (data-step); decision trees' blocks carry none.
  const numbered = firstStep !== undefined;
  const { block, template } = memo.get(`${numbered ? 'steps' : 'plain'}\0${lang}\0${code}`, () => {
    const block = analyzeBlock(code, lang, reader);
    const steps = numbered ? new Map(stepParts(block).map(({ part }, i) => [part, `${STEP_MARK}${i}`])) : undefined;
    return { block, template: toHtml(renderCommandBlock(block, tokensOf(block, reader), lang, steps)) };
  });
  const html = numbered ? template.replace(STEP_MARKS, (_, i: string) => String(firstStep + Number(i))) : template;
  return { html, placeholders: block.placeholders, block };
}
