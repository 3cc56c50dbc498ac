import { createContext } from "preact";
import { useContext, useEffect } from "preact/hooks";
import type { GatewayClient, Hello } from "./gateway-client";

export interface BootConfig {
  basePath: string;
  assistantName: string;
  assistantAvatar: string;
  assistantAgentId: string;
  serverVersion: string;
}

export interface AppContext {
  client: GatewayClient;
  hello: Hello;
  boot: BootConfig;
  toast: (message: string, kind?: "ok" | "error") => void;
}

export const Ctx = createContext<AppContext | null>(null);

export function useApp(): AppContext {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error("app context missing");
  return ctx;
}

/** Subscribes to gateway events for the lifetime of a component. */
export function useGatewayEvent(handler: (event: string, payload: any) => void, deps: unknown[] = []): void {
  const { client } = useApp();
  useEffect(() => client.subscribe(handler), [client, ...deps]);
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function formatTime(ms?: number): string {
  return ms ? new Date(ms).toLocaleString() : "—";
}

export function formatUsd(v?: number): string {
  return typeof v === "number" ? `$${v.toFixed(v < 0.01 && v > 0 ? 5 : 2)}` : "—";
}
