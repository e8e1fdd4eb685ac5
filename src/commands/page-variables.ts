/**
 * The variables a runbook page offers (its variables panel, what ?pod=… can fill), from its Markdown
 * alone: the placeholders of its command blocks, found exactly as the page's command blocks find them
 * (src/plugins/remark-command-blocks.ts). The alert mapping check uses it to refuse a label mapped onto
 * a variable the runbook does not have. Node only.
 */
import { collectVariables, type Variable } from '../domain/placeholders.ts';
import { commandBlocksOf } from '../markdown/code-blocks.ts';
import { parseMarkdown } from '../markdown/parse.ts';
import { analyzeBlock } from './block.ts';
import type { Root } from 'mdast';
import type { CommandReader } from './reader.ts';

export function pageVariables(source: string, mdx: boolean, reader: CommandReader): Variable[] {
  return variablesOfTree(parseMarkdown(source, { mdx }).tree, reader);
}

/** The same, from the page's parse when the caller has it (the build's content pass). */
export function variablesOfTree(tree: Root, reader: CommandReader): Variable[] {
  return collectVariables(
    commandBlocksOf(tree).flatMap(
      ({ code, lang }) => analyzeBlock(code, lang, reader, { classify: false }).placeholders,
    ),
  );
}
