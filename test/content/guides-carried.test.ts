/**
 * The five guides are the product's source: every command they contain must be on the site,
 * character for character, and no mis-decoded characters may reach a page. A guide's example value
 * made a placeholder with that value as its default (`-n <namespace=klinematrix-prod>`) is on the
 * site as the guide wrote it: the page shows and copies the default until a value is given.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeBlocksOf, inlineCodeOf, isShellBlock } from '../../src/markdown/code-blocks.ts';
import { extractFrontmatter } from '../../src/markdown/frontmatter.ts';
import { splitInlineCode } from '../../src/markdown/inline-code.ts';
import { withDefaults } from '../../src/domain/placeholders.ts';
import { isMdxFile, parseMarkdown } from '../../src/markdown/parse.ts';
import { parse as parseYaml } from 'yaml';
import { findMojibake, repairMojibake } from '../../src/text/mojibake.ts';
import { projectRoot } from '../support/project.ts';

// The five source guides the content was converted from, kept unchanged in the repository so this
// check runs wherever the tests do.
const seedsDir = path.join(projectRoot, 'test/fixtures/seeds');
const contentDir = path.join(projectRoot, 'content');

async function filesUnder(dir: string, pattern: RegExp): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && pattern.test(e.name)).map((e) => path.join(e.parentPath, e.name)).sort();
}

const contentFiles = await filesUnder(contentDir, /\.mdx?$/);
const contentTexts = await Promise.all(contentFiles.map((f) => readFile(f, 'utf8')));

/** The code of a Markdown text as the site parses it: fenced blocks and inline spans. */
function codeOf(text: string, mdx = false) {
  const { tree } = parseMarkdown(text, { mdx });
  return { blocks: codeBlocksOf(tree, text), inline: inlineCodeOf(tree).map((s) => s.code.trim()) };
}

/** A runbook's symptoms are shown with their `code` as code. */
const symptomCode = (text: string) =>
  ((parseYaml(extractFrontmatter(text)?.yaml ?? '') as { symptoms?: string[] } | null)?.symptoms ?? []).flatMap((symptom) =>
    splitInlineCode(symptom).filter((s) => s.code).map((s) => s.text));

/** Every line of code on the site, defaults filled in: fenced blocks (marked-wrong originals included) and inline spans. */
const codeOnSite = new Set(
  contentTexts.flatMap((text, i) => {
    const { blocks, inline } = codeOf(text, isMdxFile(contentFiles[i]!));
    return [...blocks.flatMap((b) => b.code.split('\n')), ...inline, ...symptomCode(text)];
  }).map((line) => withDefaults(line).trim()),
);

const COMMAND_WORD = /^(\$ )?(sudo |watch )?(kubectl|helm|docker|curl|nc|psql|wget|git|az|rctl|etcdctl|crictl|systemctl|journalctl|iptables|ip|ping|ss|dig|nslookup|traceroute|top|free|df|lsblk|iostat|tail|ps|cat|ls|export|make|vim|for|echo|grep|done|\.\/scripts\/)\b/;

/** The commands a guide contains: every non-comment line of its shell blocks, and inline commands. */
function commandsOf(guide: string): string[] {
  const { blocks: fences, inline } = codeOf(guide);
  const fromFences = fences
    .filter(isShellBlock)
    .flatMap((f) => f.code.split('\n'))
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const fromInline = inline.filter((code) => COMMAND_WORD.test(code) && code.includes(' '));
  // A guide whose export lost its fences: its commands are the lines that start with a command.
  const unfenced = fences.every((f) => !f.fenced)
    ? guide.split('\n').map((l) => l.trim()).filter((l) => COMMAND_WORD.test(l) || /^(SELECT |\\dt$)/.test(l))
    : [];
  return [...new Set([...fromFences, ...fromInline, ...unfenced])];
}

describe('the source guides (test/fixtures/seeds)', async () => {
  const seeds = await filesUnder(seedsDir, /\.(txt|md)$/);

  it('are all there to check', () => {
    expect(seeds).toHaveLength(5);
  });

  it.each(seeds.map((s) => [path.basename(s), s]))('every command of %s is on the site, character for character', async (_, seed) => {
    const guide = repairMojibake(await readFile(seed, 'utf8'));
    const commands = commandsOf(guide);
    expect(commands.length).toBeGreaterThan(10);
    const missing = commands.filter((command) => !codeOnSite.has(command));
    expect(missing).toEqual([]);
  });
});

describe('content/', () => {
  it('holds the runbooks and guide pages', () => {
    expect(contentFiles.length).toBeGreaterThan(50);
  });

  it('has no mis-decoded characters (mojibake) anywhere', () => {
    const found = contentFiles.flatMap((file, i) =>
      findMojibake(contentTexts[i]!).map((run) => `${path.relative(projectRoot, file)}: "${run.text}" should be "${run.repaired}"`),
    );
    expect(found).toEqual([]);
  });

  it('links only to pages of this site or to the web, never to documents that are not here', () => {
    const relativeLinks = contentFiles.flatMap((file, i) =>
      [...contentTexts[i]!.matchAll(/\]\(([^)\s]+)\)/g)]
        .map((m) => m[1]!)
        .filter((href) => !/^(https?:|mailto:|\/|#)/.test(href))
        .map((href) => `${path.relative(projectRoot, file)}: ${href}`),
    );
    expect(relativeLinks).toEqual([]);
  });
});
