// The one way a page reads from the services, so no page shows stale or out-of-order data: useApi(method, args) → { data, loading, error, reload }.
// - an older reply never overwrites a newer one: each request takes a ticket, and only the latest ticket's reply is kept;
// - every successful write bumps the store's write version (useApp.changed), and every reader reloads on it;
// - args === null means "nothing to ask yet" (e.g. no item open).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Args, Method, Result } from '../../shared/ipc/contract';
import { api } from './api';
import { useApp } from './store';

export interface ApiState<T> {
  data: T | undefined;
  loading: boolean;
  error: string | null;
  reload: () => void;
}

type Caller = (args: unknown) => Promise<{ ok: true; value: unknown } | { ok: false; error: string }>;

function callerOf(method: Method): Caller {
  const [ns, fn] = method.split(':') as [string, string];
  return (api() as unknown as Record<string, Record<string, Caller>>)[ns]![fn]!;
}

export function useApi<M extends Method>(method: M, args: Args<M> | null, opts: { delay?: number } = {}): ApiState<Result<M>> {
  const writes = useApp((s) => s.version);
  const [tick, setTick] = useState(0);
  // the last reply kept, with the request it answered; older replies are dropped by ticket
  const [reply, setReply] = useState<{ request: string | null; data?: Result<M>; error: string | null }>({ request: null, error: null });
  const ticket = useRef(0);
  const key = args === null ? null : JSON.stringify(args);
  // a request is this method and these arguments after this many writes and reloads
  const request = key === null ? null : `${method}|${key}|${writes}|${tick}`;
  const delay = opts.delay ?? 0;

  useEffect(() => {
    const mine = ++ticket.current;
    if (request === null || key === null) return;
    const run = (): void => {
      void callerOf(method)(JSON.parse(key)).then(
        (r) => {
          if (mine !== ticket.current) return; // a newer request is on its way: drop this stale reply
          if (r.ok) setReply({ request, data: r.value as Result<M>, error: null });
          else setReply((old) => ({ ...old, request, error: r.error }));
        },
        (e: unknown) => {
          if (mine !== ticket.current) return;
          setReply((old) => ({ ...old, request, error: e instanceof Error ? e.message : String(e) }));
        },
      );
    };
    if (delay === 0) return run();
    const t = setTimeout(run, delay);
    return () => clearTimeout(t);
  }, [method, key, request, delay]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return {
    data: key === null ? undefined : reply.data,
    loading: request !== null && reply.request !== request,
    error: key === null ? null : reply.error,
    reload,
  };
}
