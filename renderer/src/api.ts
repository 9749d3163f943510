// The renderer talks to the services only through window.api (the preload in the app, the loopback bridge in tests).
import { message } from 'antd';
import type { Api, BeforeCloseHooks, Reply } from '../../shared/ipc/contract';

declare global {
  interface Window extends BeforeCloseHooks {
    api: Api;
  }
}

export const api = (): Api => window.api;

export class ApiError extends Error {}

/** Unwraps a reply; a refusal is shown to the clerk as it is (the services' messages say what to do). */
export async function call<T>(reply: Promise<Reply<T>>, opts: { quiet?: boolean } = {}): Promise<T> {
  const r = await reply;
  if (!r.ok) {
    if (!opts.quiet) void message.error({ content: r.error, duration: 6 });
    throw new ApiError(r.error);
  }
  return r.value;
}

/** Runs an action and swallows the ApiError already shown to the clerk. */
export async function attempt<T>(fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ApiError) return undefined;
    throw e;
  }
}
