import { createContext, useContext, useMemo } from 'react';
import { currentLanguage } from '../app/i18n';
import { CustomersClient } from './generated/customers-client';
import { AuthClient, MeClient, UsersClient } from './generated/platform-client';

/** What the generated clients call to reach the server: window.fetch in the app, a fake in hook tests. */
export interface Http {
  fetch(url: RequestInfo, init?: RequestInit): Promise<Response>;
}

/**
 * The generated clients of the first load, one per API area, and the connection a module's pages make their own
 * clients from (useModuleApi): the only way the app talks to /api.
 */
export interface Api {
  http: Http;
  baseUrl: string;
  auth: AuthClient;
  me: MeClient;
  users: UsersClient;
  customers: CustomersClient;
}

/**
 * The session is the HttpOnly cookie, sent because requests are same-origin. Accept-Language makes the
 * server word validation messages in the language the user chose.
 */
export function browserHttp(send: Http['fetch'] = (url, init) => window.fetch(url, init)): Http {
  return {
    fetch: (url, init) =>
      send(url, {
        ...init,
        credentials: 'same-origin',
        headers: { ...(init?.headers as Record<string, string> | undefined), 'Accept-Language': currentLanguage() },
      }),
  };
}

export function createApi(http: Http = browserHttp(), baseUrl = ''): Api {
  return {
    http,
    baseUrl,
    auth: new AuthClient(baseUrl, http),
    me: new MeClient(baseUrl, http),
    users: new UsersClient(baseUrl, http),
    customers: new CustomersClient(baseUrl, http),
  };
}

export const ApiContext = createContext<Api | null>(null);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) {
    throw new Error('useApi must be used inside <ApiContext.Provider>.');
  }
  return api;
}

/**
 * A module's generated clients over the app's connection. Each module's client is a file of its own, loaded with
 * the module's pages rather than with the app (ADR 0032); `create` is a module-level function, so the clients are
 * made once per connection.
 */
export function useModuleApi<T>(create: (baseUrl: string, http: Http) => T): T {
  const { baseUrl, http } = useApi();
  return useMemo(() => create(baseUrl, http), [create, baseUrl, http]);
}
