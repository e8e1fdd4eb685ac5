/**
 * The one shell parser: tree-sitter's bash grammar, as WebAssembly, so it runs wherever Node does with
 * no native build. The build (command blocks) and the snippet validator share it. Loading takes a few
 * milliseconds once; parsing a command takes microseconds.
 */
import { createRequire } from 'node:module';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';

export type ShellNode = Node;
export type ShellTree = Tree;

export interface ShellParser {
  parse(text: string): ShellTree;
}

let loading: Promise<ShellParser> | undefined;

export function loadShellParser(): Promise<ShellParser> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    await Parser.init({ locateFile: () => require.resolve('web-tree-sitter/web-tree-sitter.wasm') });
    const bash = await Language.load(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'));
    const parser = new Parser();
    parser.setLanguage(bash);
    return {
      parse(text: string): ShellTree {
        const tree = parser.parse(text);
        if (!tree) throw new Error('the shell parser returned no tree');
        return tree;
      },
    };
  })();
  return loading;
}
