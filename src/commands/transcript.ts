/**
 * Prompts and transcripts. Docs write commands the way a terminal shows them: `$ kubectl get pods`
 * with the output on the lines after it, `# ` in a root shell, `> ` in PowerShell, `% ` in zsh,
 * `user@host:~$ `, and `> ` again as the continuation prompt of a command that goes on (a heredoc
 * typed at the prompt). This module reads such text line by line: where a line's prompt ends, and
 * how far the command typed there runs (a `\` continuation, an open quote, a heredoc, a trailing `|`
 * or `&&`). Pure text, no shell parse: src/commands/block.ts decides with it which lines are
 * commands and which are output, and hands the commands to the shell parser.
 */

/** `$ ` and `user@host:~$ `, `[root@host ~]# ` prompts: whatever follows is a command. */
const COMMAND_PROMPT = /^\s*(?:(?:[\w.-]+@[\w.-]+(?::\S*)?|\[[^\]\n]*\])\s?[$#]|\$)(?: +|$)/;
/** `# `, `> ` and `% `: a prompt only before a command (`# kubectl get nodes`), else a comment or text. */
const MAYBE_PROMPT = /^\s*[#>%] +/;
/** The continuation prompt (bash's PS2) at the start of a line that carries a command on. */
const CONTINUATION_PROMPT = /^\s*> ?/;

/**
 * Where the command on a line starts, after its prompt, or undefined when the line has none.
 * `isCommand` decides whether the text after a `# `, `> ` or `% ` is a command.
 */
export function promptEnd(line: string, isCommand: (text: string) => boolean): number | undefined {
  const always = COMMAND_PROMPT.exec(line);
  if (always) return always[0].length;
  const maybe = MAYBE_PROMPT.exec(line);
  if (maybe && isCommand(line.slice(maybe[0].length))) return maybe[0].length;
  return undefined;
}

/** Whether a line opens with a prompt that always means a command follows (`$ `, `user@host:~$ `). */
export const hasCommandPrompt = (line: string): boolean => COMMAND_PROMPT.test(line);

interface Heredoc {
  word: string;
  /** <<- strips leading tabs from the body and from the terminator. */
  stripTabs: boolean;
}

/** What is still open at the end of the text scanned so far. */
export interface OpenConstructs {
  quote: "'" | '"' | undefined;
  /** Heredocs started on the current line, read after it. */
  pending: Heredoc[];
  /** The heredoc whose body is being read. */
  heredoc: Heredoc | undefined;
}

export const nothingOpen = (): OpenConstructs => ({ quote: undefined, pending: [], heredoc: undefined });

const HEREDOC = /^<<(-?)\s*(?:(['"])([^'"\s]+)\2|\\?([\w.-]+))/;

/**
 * Scans one line of shell code, updating what is open, and tells whether the command goes on to the
 * next line: inside a quote or a heredoc, after a trailing `\`, or after a trailing `|`, `&&` or `||`.
 */
export function continuesAfter(line: string, open: OpenConstructs): boolean {
  if (open.heredoc) {
    const text = open.heredoc.stripTabs ? line.replace(/^\t+/, '') : line;
    if (text === open.heredoc.word) open.heredoc = open.pending.shift();
    return open.heredoc !== undefined;
  }
  /** End of the code on the line (before a comment), to look for a trailing | or &&. */
  let codeEnd = line.length;
  let escapedNewline = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (open.quote === "'") {
      if (c === "'") open.quote = undefined;
      continue;
    }
    if (c === '\\') {
      if (i === line.length - 1) escapedNewline = true;
      i++;
      continue;
    }
    if (open.quote === '"') {
      if (c === '"') open.quote = undefined;
      continue;
    }
    if (c === "'" || c === '"') {
      open.quote = c;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) {
      codeEnd = i; // a comment runs to the end of the line
      break;
    }
    if (c === '<' && line[i + 1] === '<' && line[i + 2] !== '<') {
      const m = HEREDOC.exec(line.slice(i));
      if (m) {
        open.pending.push({ word: m[3] ?? m[4] ?? '', stripTabs: m[1] === '-' });
        i += m[0].length - 1;
      }
    }
  }
  if (open.quote !== undefined || escapedNewline) return true;
  if (open.pending.length > 0) {
    open.heredoc = open.pending.shift();
    return true;
  }
  const code = line.slice(0, codeEnd).trimEnd();
  return code.endsWith('|') || code.endsWith('&&');
}

/** One command typed at a prompt, as lines of the text it was read from. */
export interface PromptedCommand {
  /** 0-based first and last line. */
  firstLine: number;
  lastLine: number;
  /** Column where the command starts on its first line (after the prompt). */
  column: number;
  /** Continuation prompts (`> `) on the lines after the first: line and length, to be left out. */
  continuations: { line: number; length: number }[];
}

/**
 * The extent of the command that starts on `lines[first]` at `column`: the lines it runs over, and
 * the continuation prompts (`> `) in front of them.
 */
export function readPromptedCommand(lines: readonly string[], first: number, column: number): PromptedCommand {
  const open = nothingOpen();
  const command: PromptedCommand = { firstLine: first, lastLine: first, column, continuations: [] };
  let goesOn = continuesAfter(lines[first]!.slice(column), open);
  while (goesOn && command.lastLine + 1 < lines.length) {
    const index = ++command.lastLine;
    const line = lines[index]!;
    const prompt = CONTINUATION_PROMPT.exec(line);
    // A quoted heredoc's body or a multi-line string may hold a line starting with ">" of its own;
    // a "> " continuation prompt is told apart by the space after it.
    const length = prompt && (prompt[0].endsWith(' ') || line.trim() === '>') ? prompt[0].length : 0;
    if (length > 0) command.continuations.push({ line: index, length });
    goesOn = continuesAfter(line.slice(length), open);
  }
  return command;
}
