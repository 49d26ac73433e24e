import type { searchSchemas as Schemas } from "./search-schemas";

let loaded: typeof Schemas | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads the signed-in pages' address schemas (and zod with them). `main.tsx` waits for it before
 * showing any page but the login form, which shows at once and loads them while the user types;
 * signing in waits for it before leaving the login page. Safe to call any number of times.
 */
export function loadSearchSchemas(): Promise<void> {
  // zod told not to use eval (the CSP forbids it) before any of its schemas is built or used.
  loading ??= import("../lib/no-eval")
    .then(() => import("./search-schemas"))
    .then(
      (m) => {
        loaded = m.searchSchemas;
      },
      (e: unknown) => {
        loading = undefined; // asked again next time (e.g. the connection came back)
        throw e;
      },
    );
  return loading;
}

/**
 * A route's search validator, bound when it runs: by then the schemas are loaded (every path into
 * the signed-in pages waits for them).
 */
export function searchSchema<K extends keyof typeof Schemas>(name: K): (typeof Schemas)[K] {
  return ((s: Record<string, unknown>) => {
    if (!loaded) throw new Error(`The address schemas are not loaded yet (${name})`);
    return (loaded[name] as (s: Record<string, unknown>) => unknown)(s);
  }) as (typeof Schemas)[K];
}
