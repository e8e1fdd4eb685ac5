// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { REMARK_PLUGINS, SHIKI_CONFIG, SMARTYPANTS, SYNTAX_HIGHLIGHT } from './src/markdown/site-pipeline.ts';

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
  // The site's Markdown pipeline (src/markdown/site-pipeline.ts). The build renders runbooks and guides
  // with it itself (src/markdown/render.ts, src/site/rendered.ts); Astro uses it for MDX pages.
  // Astro 7's default processor (Sätteri) runs no remark plugins: the pages need the unified one.
  markdown: {
    processor: unified({ remarkPlugins: REMARK_PLUGINS, smartypants: SMARTYPANTS }),
    syntaxHighlight: SYNTAX_HIGHLIGHT,
    shikiConfig: SHIKI_CONFIG,
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
