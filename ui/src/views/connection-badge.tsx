import type { ConnectionState } from "../lib/gateway-client";

export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const [label, cls] =
    state.kind === "connected" ? ["Connected", "ok"]
    : state.kind === "connecting" ? [state.attempt > 1 ? `Reconnecting (attempt ${state.attempt})` : "Connecting…", "warn"]
    : state.kind === "retrying" ? [`Retrying in ${Math.round(state.inMs / 1000)}s`, "warn"]
    : state.kind === "pairing" ? ["Waiting for approval", "warn"]
    : state.kind === "failed" ? ["Connection failed", "error"]
    : ["Disconnected", "idle"];
  const detail = state.kind === "retrying" ? state.reason : state.kind === "failed" ? state.message : undefined;
  return <span class={`badge ${cls}`} id="connection-state" data-state={state.kind} title={detail} role="status" aria-live="polite">{label}</span>;
}
