import { useState } from 'react';
import { isClientError } from '../api/problems';

/**
 * One Idempotency-Key per attempt to create something: a double click or a retried request (network
 * failure, 5xx) creates it once. After a success, or any 4xx (the server created nothing, and keeps no
 * answer for it), the next attempt is a new request with a new key.
 */
export function useIdempotencyKey() {
  const [key, setKey] = useState(() => crypto.randomUUID());
  const renew = () => setKey(crypto.randomUUID());
  return {
    key,
    renew,
    renewAfterClientError: (error: unknown) => {
      if (isClientError(error)) {
        renew();
      }
    },
  };
}
