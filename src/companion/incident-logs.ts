/**
 * The companion's incident logs: the terminal runner's (src/runner/incident-log.ts), one Markdown
 * file per runbook run from the page during one start, named like the terminal's
 * (<ID>-<date>-<time>.md) in the log folder. The header is written when the runbook's first step runs
 * (with the context and the values then), each step as it ends, and the summary when the companion
 * stops. Writes to one file go one after the other, whatever order runs end in.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { KubeContext } from '../runner/context.ts';
import { defaultLogName, logHeader, logStep, logSummary, type LogStep } from '../runner/incident-log.ts';
import { MASK, SECRET_NAME } from '../runner/mask.ts';
import type { Values } from '../runner/values.ts';
import type { RunbookEntry } from '../schemas/command-catalogue.ts';

interface RunbookLog {
  file: string;
  ran: number;
  failed: number;
  /** The last write queued: the next one waits for it. */
  queue: Promise<void>;
}

export interface IncidentLogs {
  /** Appends a step that ran (creating the runbook's log first); returns the log file. */
  step(runbook: RunbookEntry, values: Values, step: Omit<LogStep, 'total'>, failed: boolean): Promise<string>;
  /** The summary of every log, once, as the companion stops. */
  close(): Promise<void>;
  files(): string[];
}

export function incidentLogs(options: {
  dir: string;
  origin: string;
  context: KubeContext;
  now?: () => Date;
}): IncidentLogs {
  const now = options.now ?? (() => new Date());
  const logs = new Map<string, RunbookLog>();
  const write = (log: RunbookLog, markdown: string) => {
    log.queue = log.queue.then(() => appendFile(log.file, markdown));
    return log.queue;
  };

  const open = (runbook: RunbookEntry, values: Values): RunbookLog => {
    let log = logs.get(runbook.id);
    if (log) return log;
    const startedAt = now();
    log = {
      file: path.resolve(options.dir, defaultLogName(runbook.id, startedAt)),
      ran: 0,
      failed: 0,
      queue: mkdir(options.dir, { recursive: true }).then(() => undefined),
    };
    logs.set(runbook.id, log);
    void write(
      log,
      logHeader({
        runbook,
        origin: options.origin,
        context: options.context,
        mode: 'page',
        startedAt,
        values: [...values.values()].map((v) => ({
          key: v.key,
          value: SECRET_NAME.test(v.key) ? MASK : v.prepared.value,
          source: v.source,
        })),
      }),
    );
    return log;
  };

  return {
    async step(runbook, values, step, failed) {
      const log = open(runbook, values);
      log.ran++;
      if (failed) log.failed++;
      await write(log, logStep({ ...step, total: runbook.steps.length }));
      return log.file;
    },
    async close() {
      await Promise.all([...logs.values()].map((log) => write(log, logSummary(log.ran, log.failed, [], now()))));
    },
    files: () => [...logs.values()].map((l) => l.file),
  };
}
