// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { SYNTAX_PLUGINS } from './src/markdown/parse.ts';
import remarkCallouts from './src/plugins/remark-callouts.ts';
import remarkCommandBlocks from './src/plugins/remark-command-blocks.ts';
import remarkWrongCommands from './src/plugins/remark-wrong-commands.ts';

// SITE_URL and BASE_PATH let a team host the site anywhere (https://runbooks.example.com, or under
// /runbooks/ on a shared host) without editing this file; every internal link goes through src/domain/routes.ts.
export default defineConfig({
  ...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
  base: process.env.BASE_PATH || '/',
  // The build (src/build/pipeline.ts) gives each content folder and output its own cache, so builds
  // running at the same time never share Astro's content store.
  ...(process.env.RUNBOOKS_ASTRO_CACHE ? { cacheDir: process.env.RUNBOOKS_ASTRO_CACHE } : {}),
  // Alert links arrive both as /K8S-002 and /K8S-002/; both must work on any static host.
  trailingSlash: 'ignore',
  // Two pages rendered at a time: the machines this runs on have two cores.
  build: { format: 'directory', concurrency: 2 },
  integrations: [mdx()],
  markdown: {
    // Astro 7's default processor (Sätteri) does not run remark plugins; runbooks need the unified
    // pipeline. SmartyPants dashes are off: `--` in prose is far more often a kubectl flag than a dash.
    // SYNTAX_PLUGINS (directives) are the syntax src/markdown/parse.ts parses with too, so the validator
    // reads the very code blocks the pages show.
    processor: unified({
      remarkPlugins: [...SYNTAX_PLUGINS, remarkCallouts, remarkWrongCommands, remarkCommandBlocks],
      smartypants: { dashes: false, backticks: false },
    }),
    // Command blocks are highlighted by remark-command-blocks (per command, placeholders kept apart);
    // their code elements carry language-command-block so Astro's own Shiki pass leaves them alone.
    syntaxHighlight: { type: 'shiki', excludeLangs: ['command-block'] },
    shikiConfig: {
      // High-contrast themes: comments in the plain GitHub dark theme fall below WCAG AA.
      // defaultColor: false emits both themes as CSS variables; site.css picks one by colour scheme.
      themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
      defaultColor: false,
      wrap: true,
    },
  },
  devToolbar: { enabled: false },
  vite: {
    build: {
      rolldownOptions: {
        // Astro's MDX modules carry a "use astro:head-inject" directive that Rolldown warns about for
        // every single file (a known, harmless Astro 7 message): thousands of lines that bury real errors.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
          handler(level, log);
        },
      },
    },
  },
});
