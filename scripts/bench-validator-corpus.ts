/**
 * npm run bench:validator-corpus [-- --kubectl path]: the validator on docs written like other
 * people's (test/fixtures/validator/): commands checked, known bugs reported, known-valid commands
 * and non-commands flagged, and agreement with the real kubectl on the labelled set.
 */
import { parseArgs } from 'node:util';
import {
  labelledCommands,
  measureCorpus,
  validatorVerdict,
  type LabelledCommand,
  type Verdict,
} from '../src/bench/validator-corpus.ts';

const USAGE = `usage: npm run bench:validator-corpus [-- --kubectl path]

Validates the pages of test/fixtures/validator/ (Kubernetes-docs and alert-runbook styles) and
prints: kubectl commands checked; known bugs reported (of those labels.yaml lists); known-valid
commands and non-commands flagged; and, on the labelled set kubectl-agreement.txt, how often the
validator's verdict is the real kubectl's.
  --kubectl path  also ask this kubectl again for its verdict on every labelled command (against a
                  stub API server on 127.0.0.1; see test/support/stub-api-server.ts)`;

const { values } = parseArgs({ options: { kubectl: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const corpus = await measureCorpus();
console.log(
  `corpus: ${corpus.files} files, ${corpus.commands} kubectl commands checked in ${corpus.seconds.toFixed(2)} s`,
);
console.log(`known bugs reported: ${corpus.bugs.found.length} of ${corpus.bugs.total}`);
for (const m of corpus.bugs.missed) console.log(`  missed ${m.file}:${m.line} ${m.text} (${m.rule ?? 'any error'})`);
console.log(`known-valid commands and non-commands flagged: ${corpus.valid.flagged.length} of ${corpus.valid.total}`);
for (const f of corpus.valid.flagged)
  console.log(`  flagged ${f.file}:${f.line} ${f.text}: ${f.errors.map((e) => e.rule).join(', ')}`);

const labelled = await labelledCommands();
let live: ((c: LabelledCommand) => Promise<Verdict>) | undefined;
let stop = async () => undefined as void;
if (values.kubectl) {
  const { startAgreementKubectl } = await import('../test/support/agreement.ts');
  const session = await startAgreementKubectl(values.kubectl);
  live = async (c) => (await session.verdict(c.command)).verdict;
  stop = session.close;
}
let agree = 0;
let falseAlarms = 0;
let misses = 0;
let relabelled = 0;
for (const c of labelled) {
  const kubectl = live ? await live(c) : c.kubectl;
  if (kubectl !== c.kubectl) relabelled++;
  const { verdict } = await validatorVerdict(c.command);
  if (verdict === kubectl) agree++;
  else if (verdict === 'rejects') falseAlarms++;
  else misses++;
}
await stop();
const accepted = labelled.filter((c) => c.kubectl === 'accepts').length;
console.log(
  `agreement with the real kubectl: ${agree} of ${labelled.length} labelled commands (${accepted} accepted, ${labelled.length - accepted} rejected by kubectl); ${falseAlarms} false alarms, ${misses} misses` +
    (live
      ? `; live kubectl differed from the labels on ${relabelled}`
      : ' (labels as recorded from kubectl; --kubectl to ask it again)'),
);
