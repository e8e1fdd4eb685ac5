// id-keys.json: the key of every ID, alias and alert name (exact, and without zero padding) to the
// folder of its forwarding page. Search looks a query up here before asking for that page, so typing
// "crashloopbackoff" never requests /crashloopbackoff/ and logs a 404.
import { idKeyTable } from '../domain/ids.ts';
import { loadAlerts } from '../site/alerts.ts';
import { loadRunbooks } from '../site/runbooks.ts';

export async function GET() {
  const [runbooks, { entries }] = await Promise.all([loadRunbooks(), loadAlerts()]);
  const names = [...runbooks.flatMap((r) => [r.id, ...r.aliases]), ...entries.map((e) => e.name)];
  return new Response(`${JSON.stringify(idKeyTable(names))}\n`, { headers: { 'Content-Type': 'application/json' } });
}
