/**
 * The walk over kubectl's command tree: from the root down, each command's `--help` is read and its
 * subcommands (from the help and from `__complete`) are visited next.
 */
import { parseHelp, type ParsedHelp } from './help-parser.ts';
import { CONCURRENCY, mapPool } from './pool.ts';
import { completions } from './probes.ts';
import { runKubectl, type Sandbox } from './sandbox.ts';

/** One command found by the walk: its path below `kubectl`, its parsed help and the names of its subcommands. */
export interface CommandNode {
  path: string[];
  help: ParsedHelp;
  children: string[];
}

async function helpFor(sb: Sandbox, cmdPath: readonly string[], warnings: string[]): Promise<ParsedHelp> {
  const r = await runKubectl(sb, cmdPath, ['--help']);
  if (r.code === 0 && r.stdout.trim() === '' && r.stderr.trim() === '') {
    // `kubectl options --help` prints nothing at all (its templates only list the global flags).
    warnings.push(
      `kubectl ${cmdPath.join(' ')} --help prints nothing: usage line made up as "kubectl ${cmdPath.join(' ')}", no flags`,
    );
    return { description: '', aliases: [], usage: `kubectl ${cmdPath.join(' ')}`, flags: [], subcommands: [] };
  }
  if (r.code !== 0 || !r.stdout.includes('Usage:')) {
    throw new Error(`kubectl ${cmdPath.join(' ')} --help failed (exit ${String(r.code)}):\n${r.stderr}`);
  }
  return parseHelp(r.stdout);
}

/** Every command, level by level from the root (path []), each with its parsed help. */
export async function walk(sb: Sandbox, warnings: string[]): Promise<CommandNode[]> {
  const nodes: CommandNode[] = [];
  let level: string[][] = [[]];
  while (level.length > 0) {
    const found = await mapPool(level, CONCURRENCY, async (p): Promise<CommandNode> => {
      const help = await helpFor(sb, p, warnings);
      let children: string[] = [];
      if (p.length === 0) {
        // The root's __complete lists every command, including help, options and completion, which
        // the root help's groups leave out (PATH is empty, so no plugin can show up here).
        children = await completions(sb, p);
        for (const s of help.subcommands) if (!children.includes(s)) children.push(s);
      } else if (help.subcommands.length > 0) {
        // Below the root, __complete mixes subcommands with argument values (shell names, resource
        // types): the help's "Available Commands" decides, and the two are compared.
        const offered = await completions(sb, p);
        children = help.subcommands;
        for (const s of children) {
          if (!offered.includes(s))
            warnings.push(`kubectl ${p.join(' ')}: help lists "${s}" but __complete does not offer it`);
        }
      }
      return { path: p, help, children };
    });
    nodes.push(...found);
    level = found.flatMap((n) => n.children.map((c) => [...n.path, c]));
  }
  return nodes;
}
