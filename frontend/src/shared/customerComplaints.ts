import { useQuery } from '@tanstack/react-query';
import { type Http, useModuleApi } from '../api/client';
import { ComplaintsClient } from '../api/generated/complaints-client';

function complaintsClient(baseUrl: string, http: Http) {
  return new ComplaintsClient(baseUrl, http);
}

/**
 * A customer's complaints (only the unresolved with `open`), for the customer card and a visit's check-out; a customer has
 * few, so the first 200 are all of them. The key is the complaints pages' list key, so a step taken there refreshes these.
 */
export function useCustomerComplaints(customerId: string, open?: boolean) {
  const api = useModuleApi(complaintsClient);
  return useQuery({
    queryKey: ['complaints', 'list', { customerId, open }],
    queryFn: ({ signal }) => api.list(undefined, undefined, undefined, open, undefined, undefined, customerId, undefined, 200, undefined, signal),
  });
}
