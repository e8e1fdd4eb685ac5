/**
 * Reading a command catalogue the runner can trust: JSON of the right format and version, every
 * field as the schema says (src/schemas/command-catalogue.ts), no control characters in what will be
 * shown in a terminal. Anything else is refused with where it came from and what to do.
 */
import {
  CATALOGUE_FORMAT,
  CATALOGUE_VERSION,
  commandCatalogueSchema,
  type CommandCatalogue,
} from '../schemas/command-catalogue.ts';

export class CatalogueError extends Error {}

/** `origin` names where the text came from (a file, a URL) for the messages. */
export function parseCatalogue(text: string, origin: string): CommandCatalogue {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CatalogueError(`${origin}: not JSON (${(error as Error).message})`);
  }
  const head = (data ?? {}) as { format?: unknown; version?: unknown };
  if (head.format !== CATALOGUE_FORMAT) {
    throw new CatalogueError(
      `${origin}: not a command catalogue (format ${JSON.stringify(head.format)}, expected "${CATALOGUE_FORMAT}")`,
    );
  }
  if (typeof head.version === 'number' && head.version > CATALOGUE_VERSION) {
    throw new CatalogueError(
      `${origin}: catalogue version ${head.version} is newer than this runner reads (${CATALOGUE_VERSION}): update the runner (npm install in the project that provides it)`,
    );
  }
  const parsed = commandCatalogueSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    throw new CatalogueError(`${origin}: refused, ${where.replace(/^\./, '') || 'the catalogue'} ${issue.message}`);
  }
  return parsed.data;
}
