// The offline copy's one classic script (src/build/offline-copy.ts builds it with esbuild), loaded with defer.
import { initPage } from './init.ts';

initPage();
