/**
 * The command catalogue (commands.json, next to runbooks.json): per runbook, its commands in page
 * order, each exactly as the page copies it, with its placeholders, the heading it sits under and its
 * safety class. The build writes it (src/pages/commands.json.ts, from what the command-block plugin
 * rendered); the runner (`runbook`) and the companion read it, and refuse one they can't trust.
 *
 * The format is versioned: fields are only ever added within a version, so a reader ignores fields it
 * does not know; a change that would mislead an older reader takes a new version, which older readers
 * refuse with a message to update. The README documents it ("The command catalogue").
 *
 * Plain `zod` rather than `astro/zod` (the same library): the runner reads catalogues without Astro.
 */
import { z } from 'zod';

export const CATALOGUE_FORMAT = 'runbook-command-catalogue';
export const CATALOGUE_VERSION = 1;

const QUOTE_CONTEXTS = ['unquoted', 'single', 'double', 'heredoc', 'heredoc-quoted'] as const;
export const SAFETY_CLASSES = ['read-only', 'changes', 'destructive'] as const;

/** Control characters other than newline and tab, the invisible format characters, line separators. */
const UNPRINTABLE = /(?![\n\t])[\p{Cc}\p{Cf}\u2028\u2029]/u;

/**
 * Text from a catalogue reaches a terminal (a heading, a command shown before it runs): it must show
 * exactly what it is, so no escape sequences, no invisible characters.
 */
const printable = z.string().refine((s) => !UNPRINTABLE.test(s), {
  message: 'holds control or invisible characters, which a terminal would not show as they are',
});

export const placeholderEntrySchema = z.object({
  /** The variable it stands for ("pod"): the runner's --pod, the page's ?pod=. */
  key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** As written in the command: "<pod-name>", "POD_NAME". */
  text: printable.min(1),
  /** Where it is in `command`, in UTF-16 code units (JavaScript string offsets). */
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  /** How the shell reads it there, which decides how a value is quoted into it (src/domain/values.ts). */
  quote: z.enum(QUOTE_CONTEXTS),
  /** The guide's own value, offered when nothing else fills it. */
  default: printable.optional(),
});

export const stepEntrySchema = z
  .object({
    /** The nearest heading above the command (null before the first one). */
    heading: z.object({ text: printable, anchor: z.string(), depth: z.number().int().min(1).max(6) }).nullable(),
    /** Exactly what the page's copy button copies, placeholders as written. */
    command: printable.min(1),
    placeholders: z.array(placeholderEntrySchema),
    safety: z.enum(SAFETY_CLASSES),
    /** Why it changes or destroys something: "kubectl delete deletes resources". */
    reasons: z.array(printable),
    /** The line of the runbook's source file the command starts on. */
    line: z.number().int().min(1),
  })
  .superRefine((step, ctx) => {
    for (const [i, p] of step.placeholders.entries()) {
      if (step.command.slice(p.start, p.end) !== p.text)
        ctx.addIssue({
          code: 'custom',
          path: ['placeholders', i],
          message: `placeholder ${p.text} is not at ${p.start}-${p.end} of the command`,
        });
    }
  });

export const runbookEntrySchema = z.object({
  id: z.string().min(1),
  aliases: z.array(z.string()),
  title: printable,
  severity: z.string(),
  layer: z.string(),
  service: z.string(),
  /** The runbook's page: site-absolute (/runbooks/pod001/), or a full URL when the site was built with SITE_URL. */
  url: z.string(),
  steps: z.array(stepEntrySchema),
});

/** An upstream alert and where it lands (alerts.json's fields the runner needs). */
export const alertEntrySchema = z.object({
  name: z.string().min(1),
  summary: printable,
  lands: z.enum(['runbook', 'compare', 'alert-page']),
  /** The alert's own page, as runbooks.json writes URLs. */
  page: z.string(),
  runbooks: z.array(
    z.object({
      id: z.string().min(1),
      when: printable.optional(),
      /** Alert label -> variable key on this runbook. */
      labels: z.record(z.string(), z.string()),
    }),
  ),
});

export const commandCatalogueSchema = z.object({
  format: z.literal(CATALOGUE_FORMAT),
  version: z.literal(CATALOGUE_VERSION),
  runbooks: z.array(runbookEntrySchema),
  /** Catalogues of sites built before alerts were mapped have none. */
  alerts: z.array(alertEntrySchema).default([]),
});

export type PlaceholderEntry = z.infer<typeof placeholderEntrySchema>;
export type StepEntry = z.infer<typeof stepEntrySchema>;
export type RunbookEntry = z.infer<typeof runbookEntrySchema>;
export type CatalogueAlert = z.infer<typeof alertEntrySchema>;
export type CommandCatalogue = z.infer<typeof commandCatalogueSchema>;

/** A runbook's row of the catalogue: what runbooks.json says of it, and its steps. */
export function catalogueEntry(
  runbook: Omit<RunbookEntry, 'steps'> & Record<string, unknown>,
  steps: readonly StepEntry[],
): RunbookEntry {
  const { id, aliases, title, severity, layer, service, url } = runbook;
  return { id, aliases, title, severity, layer, service, url, steps: [...steps] };
}

/** An alert's row of the catalogue, from its row of alerts.json. */
export function catalogueAlert(alert: CatalogueAlert & Record<string, unknown>): CatalogueAlert {
  const { name, summary, lands, page, runbooks } = alert;
  return {
    name,
    summary,
    lands,
    page,
    runbooks: runbooks.map(({ id, when, labels }) => ({ id, ...(when ? { when } : {}), labels })),
  };
}

/** The catalogue of a site, runbooks in ID order (as runbooks.json), alerts by name. */
export function commandCatalogue(
  runbooks: readonly RunbookEntry[],
  alerts: readonly CatalogueAlert[] = [],
): CommandCatalogue {
  return {
    format: CATALOGUE_FORMAT,
    version: CATALOGUE_VERSION,
    runbooks: [...runbooks].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true })),
    alerts: [...alerts].sort((a, b) => a.name.localeCompare(b.name, 'en')),
  };
}
