import { useQuery } from '@tanstack/react-query';
import { type Http, useModuleApi } from '../api/client';
import { DealsClient, DealStatus } from '../api/generated/deals-client';

function dealsClient(baseUrl: string, http: Http) {
  return new DealsClient(baseUrl, http);
}

/** A customer's open deals, to say which one a visit or a complaint was about; nothing is asked until a customer is chosen. */
export function useCustomerDeals(customerId: string | undefined) {
  const api = useModuleApi(dealsClient);
  return useQuery({
    queryKey: ['deals', 'of-customer', customerId],
    queryFn: ({ signal }) => api.list(undefined, DealStatus.Open, undefined, customerId, undefined, undefined, undefined, undefined, undefined, 50, signal),
    enabled: customerId !== undefined,
  });
}
