/**
 * The runbook frontmatter schema: the single source of truth. Astro's content collection uses it
 * (src/content.config.ts) and so does the pre-build check (src/build/content-files.ts), which reports
 * the same problems with a file and line before Astro starts.
 */
import { z } from 'astro/zod';

import { KINDS, LAYERS, SEVERITIES } from '../domain/vocabulary.ts';

export {
  KIND_INFO,
  KINDS,
  LAYER_INFO,
  LAYERS,
  SEVERITIES,
  SEVERITY_INFO,
  type Kind,
  type Layer,
  type Severity,
} from '../domain/vocabulary.ts';

/** IDs as alerts carry them: K8S-002, POD001. Upper case so one spelling is canonical. */
export const ID_PATTERN = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/;
/** Aliases are other IDs or names of a team's own alerts (GitClusterDrift): URL-safe, no spaces. */
export const ALIAS_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const SERVICE_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

const enumMessage = (values: readonly string[]) => ({
  error: (issue: { input?: unknown }) => `expected one of ${values.join(', ')}; got ${JSON.stringify(issue.input)}`,
});

export const runbookSchema = z
  .object({
    id: z.string().regex(ID_PATTERN, 'expected an upper-case ID such as K8S-002 or POD001'),
    aliases: z.array(z.string().regex(ALIAS_PATTERN, 'expected an ID or alert name without spaces')).default([]),
    title: z.string().trim().min(1, 'expected a title'),
    summary: z
      .string()
      .trim()
      .min(1, 'expected a one-line summary')
      .refine((s) => !s.includes('\n'), 'expected a single line'),
    layer: z.enum(LAYERS, enumMessage(LAYERS)),
    severity: z.enum(SEVERITIES, enumMessage(SEVERITIES)),
    /** Listings put incidents before prevention and reference pages (see the kind rubric). */
    kind: z.enum(KINDS, enumMessage(KINDS)).default('incident'),
    service: z.string().regex(SERVICE_PATTERN, 'expected a lower-case service name such as klinematrix'),
    symptoms: z
      .array(z.string().trim().min(1, 'expected a non-empty symptom'))
      .min(1, 'expected at least one symptom: the literal error lines and statuses people see'),
    related: z.array(z.string().regex(ID_PATTERN, 'expected runbook IDs such as POD001')).default([]),
    source: z
      .object({
        guide: z.string().trim().min(1, 'expected the guide this runbook came from'),
        section: z.string().trim().min(1, 'expected the heading of the guide section'),
      })
      .strict(),
  })
  .strict();

export type Runbook = z.output<typeof runbookSchema>;

/**
 * A guide page: the guide-level material of one source document (overview, method, command
 * references, checklists) that links to the runbooks made from its sections. Its file name is its
 * ID, which runbooks name in source.guide.
 */
export const guideSchema = z
  .object({
    title: z.string().trim().min(1, 'expected a title'),
    summary: z.string().trim().min(1, 'expected a one-line summary'),
    service: z.string().regex(SERVICE_PATTERN, 'expected a lower-case service name such as shepherd'),
    order: z.number().int().default(100),
    source: z
      .object({
        file: z.string().trim().min(1, 'expected the path of the original document'),
        title: z.string().trim().min(1, 'expected the original document title'),
      })
      .strict(),
  })
  .strict();

export type Guide = z.output<typeof guideSchema>;
