import { countRequests } from "../packages/core/src/db/client";

/**
 * Counts the DynamoDB requests the process sends (core's countRequests: at the client's HTTP
 * handler, retries included). `per(n)` answers the requests since the last call divided by n.
 */
export function requestCounter() {
  const counter = countRequests();
  let since = 0;
  return {
    per(n: number) {
      const r = (counter.requests - since) / n;
      since = counter.requests;
      return Number.isInteger(r) ? r : Number(r.toFixed(2));
    },
    stop() {
      counter.stop();
    },
  };
}
