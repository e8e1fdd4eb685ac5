/**
 * The programs a shell command runs, read with the shared shell words (src/shell/words.ts), and for
 * kubectl its own argument parse (src/kubectl/argv.ts): where each is written, and kubectl's command
 * path, flags and arguments. The runner pins kubectl to the confirmed context, finds the name a
 * destructive command must be confirmed with, and knows which commands print a Secret's data.
 */
import type { CommandReader } from '../commands/reader.ts';
import { parseKubectlArgv, type KubectlArgv } from '../kubectl/argv.ts';
import { simpleCommands, unwrap, visitInvocations, type ShellWord } from '../shell/words.ts';

type Word = Pick<ShellWord, 'value' | 'start' | 'end'>;

export interface ProgramCall {
  /** "kubectl" for kubectl, /usr/bin/kubectl and \kubectl; wrappers (sudo, watch, xargs) looked through. */
  program: string;
  /** The word that names it, with its offsets in the command. */
  name: Word;
  /** The wrappers it runs under, outermost first: ["sudo", "watch"]. */
  wrappers: string[];
  args: Word[];
  /** Where its last word ends in the command. */
  end: number;
  /** Written in the command itself, not inside an `sh -c '…'` script: flags can be added after its name. */
  inCommand: boolean;
  /** For kubectl: its arguments as kubectl parses them. */
  argv?: KubectlArgv;
}

export type KubectlCall = ProgramCall & { argv: KubectlArgv };

export function programCalls(command: string, reader: CommandReader): ProgramCall[] {
  const tree = reader.parser.parse(command);
  try {
    const written = new Set<number>();
    for (const simple of simpleCommands(tree.rootNode)) {
      const invocation = unwrap(simple.name, simple.args);
      if (invocation) written.add(invocation.name.start);
    }
    const calls: ProgramCall[] = [];
    visitInvocations(tree.rootNode, reader.parser, (invocation) => {
      if (invocation.runsScript) return;
      const word = ({ value, start, end }: ShellWord): Word => ({ value, start, end });
      const call: ProgramCall = {
        program: invocation.program,
        name: word(invocation.name),
        wrappers: invocation.wrappers,
        args: invocation.args.map(word),
        end: invocation.args.at(-1)?.end ?? invocation.name.end,
        inCommand: written.has(invocation.name.start),
      };
      if (invocation.program === 'kubectl') {
        call.argv = parseKubectlArgv(
          invocation.args.map((w) => ({ value: w.value, start: w.start, end: w.end, placeholder: w.expansion })),
          reader.kubectl,
          { tolerant: true },
        );
      }
      calls.push(call);
    });
    return calls;
  } finally {
    tree.delete();
  }
}

export const kubectlCalls = (calls: readonly ProgramCall[]): KubectlCall[] =>
  calls.filter((c): c is KubectlCall => c.argv !== undefined);
