// The offline copy's one classic script (scripts/bundle.ts builds it with esbuild), loaded with defer.
import { initPage } from './init.ts';

initPage();
