import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isUnauthenticated } from "../lib/api-errors";

/**
 * One QueryClient for the app. A 401 from any query or mutation means the session ended
 * (expired, revoked elsewhere, password changed on another device): forget cached data
 * and send the user to the login page, remembering where they were.
 */
export function createQueryClient(onSessionEnded: () => void) {
  let ending = false;
  const handle = (e: unknown) => {
    if (!isUnauthenticated(e) || ending) return;
    ending = true;
    queueMicrotask(() => {
      onSessionEnded();
      ending = false;
    });
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: handle }),
    mutationCache: new MutationCache({ onError: handle }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, e) => !(e as { status?: number }).status && count < 2,
      },
    },
  });
}
