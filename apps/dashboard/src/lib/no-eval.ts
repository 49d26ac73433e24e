import { z } from "zod";

// The CSP allows no eval: zod compiles object parsers with `new Function` unless told not to,
// and even its probe for eval is reported as a violation. Loaded before any schema: see
// app/search-loader.ts.
z.config({ jitless: true });
