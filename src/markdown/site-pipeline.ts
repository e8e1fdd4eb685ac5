/**
 * How the site turns Markdown into HTML, written once: astro.config.mjs gives it to Astro (for any page
 * Astro renders itself, and MDX), and src/markdown/render.ts renders runbooks and guides with it in the
 * build's content pass, so both give the same HTML. Node only.
 */
import remarkCallouts from '../plugins/remark-callouts.ts';
import remarkCommandBlocks from '../plugins/remark-command-blocks.ts';
import remarkWrongCommands from '../plugins/remark-wrong-commands.ts';
import { CODE_THEMES } from '../commands/highlight.ts';
import { COMMAND_CODE_LANGUAGE } from '../commands/render.ts';
import { SYNTAX_PLUGINS } from './parse.ts';

export const REMARK_PLUGINS = [...SYNTAX_PLUGINS, remarkCallouts, remarkWrongCommands, remarkCommandBlocks];

/** SmartyPants dashes are off: `--` in prose is far more often a kubectl flag than a dash. */
export const SMARTYPANTS = { dashes: false, backticks: false } as const;

/**
 * Command blocks are highlighted by remark-command-blocks (per command, placeholders kept apart);
 * their code elements carry language-command-block so the Shiki pass for other code leaves them alone.
 */
export const SYNTAX_HIGHLIGHT: { type: 'shiki'; excludeLangs: string[] } = {
  type: 'shiki',
  excludeLangs: [COMMAND_CODE_LANGUAGE],
};

export const SHIKI_CONFIG = {
  // High-contrast themes: comments in the plain GitHub dark theme fall below WCAG AA.
  // defaultColor: false emits both themes as CSS variables; site.css picks one by colour scheme.
  themes: { ...CODE_THEMES },
  defaultColor: false as const,
  wrap: true,
};
