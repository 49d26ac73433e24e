/**
 * Where to go after signing in: only a path of this site (never "//evil.example" or "/\evil"),
 * and never the login page itself; anything else is the home page.
 */
export function safeRedirect(target: string | null | undefined): string {
  if (!target?.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return "/";
  if (target.startsWith("/login")) return "/";
  return target;
}
