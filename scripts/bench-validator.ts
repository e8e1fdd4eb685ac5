/** npm run bench:validator [-- --commands N]: the kubectl validator's throughput on one core. */
import { parseArgs } from 'node:util';
import { benchValidator, VALIDATOR_TARGET_PER_SECOND } from '../src/bench/validator-throughput.ts';

const USAGE = `usage: npm run bench:validator [-- --commands N]

Validates N realistic synthetic commands (default 50000) on one core and prints commands per second
(target: ${VALIDATOR_TARGET_PER_SECOND.toLocaleString('en')}).`;

const { values } = parseArgs({
  options: { commands: { type: 'string', default: '50000' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log(USAGE);
} else {
  const count = Number(values.commands);
  if (!Number.isInteger(count) || count <= 0) {
    console.error(`bench:validator: --commands must be a positive whole number, not "${values.commands}"`);
    process.exit(2);
  }
  const result = await benchValidator(count);
  const met = result.perSecond >= VALIDATOR_TARGET_PER_SECOND;
  console.log(
    `kubectl validator: ${result.commands} commands in ${result.seconds.toFixed(2)} s = ${Math.round(result.perSecond).toLocaleString('en')} commands/s on one core (target ${VALIDATOR_TARGET_PER_SECOND.toLocaleString('en')}: ${met ? 'met' : 'NOT met'}); ${result.errors} errors in the corpus (expected 0)`,
  );
}
