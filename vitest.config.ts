import { defineConfig } from 'vitest/config';
import SummaryReporter from './test/support/summary-reporter.ts';

// Three kinds of test, one command (npm test):
//   unit     pure modules under src/ and the remark plugins;
//   content  the guides' commands are all on the site, no mojibake, no links to missing documents;
//   build    the real build script against fixtures (bad input must stop it, with file and line);
//   e2e      the real site, built once and served by `astro preview`, driven in Debian's Chromium;
//   terminal the real kubectl against the project's fake API server, and the runner in a real terminal (tmux).
export default defineConfig({
  test: {
    reporters: ['default', new SummaryReporter()],
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { test: { name: 'content', include: ['test/content/**/*.test.ts'] } },
      { test: { name: 'build', include: ['test/build/**/*.test.ts'], testTimeout: 180_000 } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/serve-site.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser at a time: the machines this runs on have two cores.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'terminal',
          include: ['test/terminal/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One cluster and one terminal at a time: two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
