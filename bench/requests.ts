import { dynamo } from "../packages/core/src/db/client";

/**
 * Counts the DynamoDB requests the process sends, with an SDK middleware on the one client.
 * `per(n)` answers the requests since the last call divided by n.
 */
export function requestCounter() {
  let count = 0;
  const name = `benchRequestCounter${Math.random().toString(36).slice(2)}`;
  const stack = dynamo().middlewareStack;
  stack.add(
    (next) => async (args) => {
      count++;
      return next(args);
    },
    { step: "initialize", name },
  );
  return {
    per(n: number) {
      const r = count / n;
      count = 0;
      return Number.isInteger(r) ? r : Number(r.toFixed(2));
    },
    stop() {
      stack.remove(name);
    },
  };
}
