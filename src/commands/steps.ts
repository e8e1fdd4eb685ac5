/**
 * A command block's commands as steps of the command catalogue: each command exactly as its copy
 * button copies it (copiedCommand), its placeholders placed in that text, its safety class, and the
 * line of the source it starts on. The plugin that renders the block records these, so the catalogue
 * is what the page shows.
 */
import type { StepEntry } from '../schemas/command-catalogue.ts';
import { lineIndex } from '../text/lines.ts';
import { copiedCommand, type AnalyzedBlock } from './block.ts';

export type BlockStep = Omit<StepEntry, 'heading'>;

/** `firstLine`: the 1-based line of the file where the block's code starts. */
export function blockSteps(block: AnalyzedBlock, firstLine: number): BlockStep[] {
  const lines = lineIndex(block.code);
  return block.parts.flatMap((part) => {
    if (part.kind !== 'command' || !part.copy) return [];
    const { text, placeholders } = copiedCommand(block, part);
    if (text === '') return [];
    return [
      {
        command: text,
        placeholders: placeholders.map((p) => ({
          key: p.key,
          text: p.text,
          start: p.start,
          end: p.end,
          quote: p.quote ?? 'unquoted',
          ...(p.default !== undefined ? { default: p.default } : {}),
        })),
        safety: part.safety?.safety ?? 'changes',
        reasons: part.safety?.reasons ?? [],
        line: firstLine + lines.position(part.copy.start).line,
      },
    ];
  });
}
