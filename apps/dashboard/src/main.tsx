import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createQueryClient } from "./app/query-client";
import { createAppRouter } from "./app/router";
import { loadSearchSchemas } from "./app/search-loader";
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

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");
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
