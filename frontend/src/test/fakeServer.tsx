import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiContext, createApi, type Http } from '../api/client';

export interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** The generated client runs for real; only the network is replaced by canned answers. */
export function fakeServer(answer: (request: Sent) => { status: number; body?: unknown }) {
  const sent: Sent[] = [];
  const http: Http = {
    fetch: (url, init) => {
      const request = { url: typeof url === 'string' ? url : url.url, method: init?.method ?? 'GET', headers: (init?.headers ?? {}) as Record<string, string>, body: init?.body as string | undefined };
      sent.push(request);
      const { status, body } = answer(request);
      return Promise.resolve(new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
    },
  };
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ApiContext.Provider value={createApi(http)}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ApiContext.Provider>
  );
  return { sent, wrapper };
}
