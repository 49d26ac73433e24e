import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createQueryClient } from "./app/query-client";
import { createAppRouter } from "./app/router";
import { loadSearchSchemas } from "./app/search-loader";
import { mountPoint, takeOverStaticLogin } from "./features/auth/lib/static-login";
import { getLang } from "./i18n";
import "./styles.css";

document.documentElement.lang = getLang();

const queryClient = createQueryClient(() => {
  queryClient.clear();
  const { pathname, searchStr } = router.latestLocation;
  if (pathname === "/login") return;
  void router.navigate({ to: "/login", search: { redirect: pathname + searchStr }, replace: true });
});
const router = createAppRouter(queryClient);

const page = document.getElementById("root");
if (!page) throw new Error("#root missing from index.html");
// On /login the server's own form is there already: it stays until the dashboard's has rendered
// (the login form then takes its place; any other first page takes it once rendered).
const root = mountPoint(page);
const stopWatching = router.subscribe("onRendered", () => {
  takeOverStaticLogin();
  stopWatching();
});
const render = () =>
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
// The login form shows at once (it loads the signed-in pages' code while the user types); any
// other page first needs the schemas its address is checked with.
if (window.location.pathname === "/login") render();
else void loadSearchSchemas().then(render, render);
