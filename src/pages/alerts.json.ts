// alerts.json: every upstream alert and where its links land, for alert tooling, the 404 page and search.
import { loadAlerts } from '../site/alerts.ts';

export async function GET() {
  const { entries } = await loadAlerts();
  return new Response(`${JSON.stringify(entries, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
}
