import { createContext, useContext } from 'react';
import { currentLanguage } from '../app/i18n';
import { AuthClient, CollectionsClient, CustomersClient, DealsClient, MeClient, ProductsClient, UsersClient } from './generated/crm-client';

/** What the generated clients call to reach the server: window.fetch in the app, a fake in hook tests. */
export interface Http {
  fetch(url: RequestInfo, init?: RequestInit): Promise<Response>;
}

/** One generated client per API area; the only way the app talks to /api. */
export interface Api {
  auth: AuthClient;
  me: MeClient;
  users: UsersClient;
  customers: CustomersClient;
  deals: DealsClient;
  products: ProductsClient;
  collections: CollectionsClient;
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
    auth: new AuthClient(baseUrl, http),
    me: new MeClient(baseUrl, http),
    users: new UsersClient(baseUrl, http),
    customers: new CustomersClient(baseUrl, http),
    deals: new DealsClient(baseUrl, http),
    products: new ProductsClient(baseUrl, http),
    collections: new CollectionsClient(baseUrl, http),
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
