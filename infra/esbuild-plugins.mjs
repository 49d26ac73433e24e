/**
 * esbuild plugins for the Lambda bundles (SST's `nodejs.plugins` loads this file; the offline bundler
 * in infra/lambda-build.ts uses the same list).
 *
 * zod's classic API and its core re-export every locale (`z.locales`, ~350 KB minified) through
 * namespaces that bundlers cannot shake. KeHoach writes its own messages and zod itself uses only English, so the
 * locales module resolves to English alone.
 */
const zodEnglishOnly = {
  name: "zod-english-only",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core|mini)[\\/]/.test(args.importer)
        ? { path: args.importer, namespace: "zod-english-only" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "zod-english-only" }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path.replace(/(classic|core|mini)[\\/][^\\/]+\.js$/, "locales/en.js"))};`,
      loader: "js",
      resolveDir: "/",
    }));
  },
};

export default [zodEnglishOnly];
