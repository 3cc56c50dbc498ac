import { useEffect, useState } from "preact/hooks";

export const ROUTES = ["overview", "chat", "sessions", "agents", "approvals", "devices", "config"] as const;
export type Route = (typeof ROUTES)[number];

/** Routes are one path segment under the base path, so relative asset URLs work on every deep link. */
export function currentRoute(): Route {
  const last = location.pathname.split("/").filter(Boolean).pop() ?? "";
  return (ROUTES as readonly string[]).includes(last) ? (last as Route) : "overview";
}

export function basePathFromLocation(): string {
  const parts = location.pathname.split("/").filter(Boolean);
  if (parts.length && (ROUTES as readonly string[]).includes(parts[parts.length - 1])) parts.pop();
  return parts.length ? "/" + parts.join("/") : "";
}

export function navigate(basePath: string, route: Route, query = ""): void {
  history.pushState(null, "", `${basePath}/${route}${query}`);
  dispatchEvent(new PopStateEvent("popstate"));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute());
  useEffect(() => {
    const on = () => setRoute(currentRoute());
    addEventListener("popstate", on);
    return () => removeEventListener("popstate", on);
  }, []);
  return route;
}
