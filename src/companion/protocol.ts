/**
 * What the companion's page script and server say to each other, under /__runbook/ on the companion's
 * own origin. Requests name a step by runbook ID and index in the catalogue and carry values as data;
 * nothing a page sends is ever run: the server fills the catalogue's command itself. The browser code
 * (src/client/companion/) imports these types only, and finds the API next to its own script.
 */
import { z } from 'zod';
import type { KubeContext } from '../runner/context.ts';
import type { Confirmation } from '../runner/gate.ts';

export const API = '/__runbook/';
export const SCRIPT_PATH = `${API}companion.js`;
export const STYLE_PATH = `${API}companion.css`;

/** Values typed on the page, by variable key: data, prepared and quoted by the server. */
const values = z.record(z.string().max(100), z.string().max(4096)).default({});

export const stepRequestSchema = z.strictObject({
  runbook: z.string().max(200),
  step: z.number().int(),
  values,
});

export const runRequestSchema = z.strictObject({
  runbook: z.string().max(200),
  step: z.number().int(),
  values,
  /** The confirming click a command that changes something takes. */
  confirm: z.boolean().optional(),
  /** For a destructive command: what the person typed, which must be the object's name. */
  typed: z.string().max(300).optional(),
  /** Keys of the unusual values the person was shown and accepted. */
  unusual: z.array(z.string().max(100)).max(100).optional(),
  /**
   * The command the page showed when the person confirmed it. Never run: compared with what the
   * server would run, so a confirmation holds only for the command it was given for.
   */
  shown: z.string().max(100_000).optional(),
});

export const contextRequestSchema = z.strictObject({ context: z.string().max(300) });

export type StepRequest = z.infer<typeof stepRequestSchema>;
export type RunRequest = z.infer<typeof runRequestSchema>;

/** A step as the server would run it with the given values. */
export interface PreparedView {
  runbook: string;
  step: number;
  heading: string | null;
  /** The command as it will run: values quoted in, --context written after each kubectl. */
  command: string;
  safety: 'read-only' | 'changes' | 'destructive';
  reasons: string[];
  /** The values make it more dangerous than the catalogue says. */
  raised: boolean;
  confirmation: Confirmation;
  unusual: { key: string; value: string; problems: string[] }[];
  defaulted: string[];
  /** Why it can't run, when it can't. */
  refusal?: string;
  endless?: string;
  local: boolean;
}

export interface StepState {
  step: number;
  /** The run going on now, to follow its output. */
  running?: string;
  /** How the last run ended. */
  last?: RunEnd & { run: string };
}

export interface RunEnd {
  exitCode: number;
  seconds: number;
  interrupted: boolean;
}

export interface CompanionState {
  context: KubeContext;
  confirmed: boolean;
  /** Where the incident logs go. */
  logDir: string;
  /** For the runbook asked about (?runbook=ID): its steps that ran or run. */
  steps: StepState[];
}

/** Server-sent events of a run, in order: output…, then exit. */
export type RunEvent =
  | { type: 'start'; command: string; dropped: number }
  | { type: 'output'; text: string; stream: 'stdout' | 'stderr' }
  | ({ type: 'exit' } & RunEnd);

export interface ApiError {
  error: string;
}
