/**
 * The companion's API as the page calls it: JSON over fetch on the companion's own origin (the cookie
 * with its token goes along by itself; the page never sees the token), and a run's output as
 * server-sent events. The API sits next to this script (/__runbook/), so the path is written once, in
 * src/companion/protocol.ts.
 */
import type { CompanionState, PreparedView, RunEvent, RunRequest, StepRequest } from '../../companion/protocol.ts';

export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export interface Api {
  state(runbook?: string): Promise<CompanionState>;
  confirmContext(context: string): Promise<CompanionState>;
  prepare(request: StepRequest): Promise<PreparedView>;
  run(request: RunRequest): Promise<{ run: string; command: string }>;
  stop(run: string): Promise<void>;
  /** Follows a run's events until it ends; returns a function that stops following. */
  follow(run: string, onEvent: (event: RunEvent) => void, onLost: () => void): () => void;
}

async function answer<T>(response: Response): Promise<T> {
  const type = response.headers.get('content-type') ?? '';
  if (response.ok) return (await response.json()) as T;
  const message = type.includes('json')
    ? ((await response.json()) as { error?: string }).error
    : (await response.text()).trim();
  throw new ApiError(response.status, message || `HTTP ${response.status}`);
}

export function companionApi(base: URL): Api {
  const url = (route: string) => new URL(route, base).href;
  const post = <T>(route: string, body: unknown) =>
    fetch(url(route), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    }).then((r) => answer<T>(r));
  return {
    state: (runbook) =>
      fetch(url(`state${runbook ? `?runbook=${encodeURIComponent(runbook)}` : ''}`), {
        credentials: 'same-origin',
      }).then((r) => answer<CompanionState>(r)),
    confirmContext: (context) => post<CompanionState>('context', { context }),
    prepare: (request) => post<PreparedView>('prepare', request),
    run: (request) => post<{ run: string; command: string }>('run', request),
    stop: (run) => post<unknown>(`runs/${run}/stop`, {}).then(() => undefined),
    follow(run, onEvent, onLost) {
      const source = new EventSource(url(`runs/${run}/events`));
      let ended = false;
      source.onmessage = (message: MessageEvent<string>) => {
        const event = JSON.parse(message.data) as RunEvent;
        if (event.type === 'exit') {
          ended = true;
          source.close();
        }
        onEvent(event);
      };
      source.onerror = () => {
        // EventSource reconnects by itself (and the server replays from the start): only a closed one is lost.
        if (!ended && source.readyState === EventSource.CLOSED) onLost();
      };
      return () => {
        ended = true;
        source.close();
      };
    },
  };
}
