import { useEffect, useMemo, useState } from "preact/hooks";
import { defaultGatewayUrl, loadCredentials, saveCredentials, type StoredCredentials } from "./lib/credentials";
import { GatewayClient, type ConnectionState, type Hello } from "./lib/gateway-client";
import { Ctx, type BootConfig } from "./lib/context";
import { basePathFromLocation, navigate, ROUTES, useRoute, type Route } from "./lib/router";
import { ConnectView } from "./views/connect";
import { ConnectionBadge } from "./views/connection-badge";
import { OverviewView } from "./views/overview";
import { ChatView } from "./views/chat";
import { SessionsView } from "./views/sessions";
import { AgentsView } from "./views/agents";
import { ApprovalsView } from "./views/approvals";
import { DevicesView } from "./views/devices";
import { ConfigView } from "./views/config";

const LABELS: Record<Route, string> = {
  overview: "Overview", chat: "Chat", sessions: "Sessions", agents: "Agents",
  approvals: "Approvals", devices: "Devices & nodes", config: "Config",
};

function useTheme(): [string, () => void] {
  const [theme, setTheme] = useState(localStorage.getItem("sharpclaw.theme") ?? (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light"));
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem("sharpclaw.theme", theme);
  }, [theme]);
  return [theme, () => setTheme(theme === "dark" ? "light" : "dark")];
}

export function App() {
  const basePath = useMemo(basePathFromLocation, []);
  const [boot, setBoot] = useState<BootConfig>({ basePath, assistantName: "Assistant", assistantAvatar: `${basePath}/avatar/main`, assistantAgentId: "main", serverVersion: "" });
  const [gatewayUrl, setGatewayUrl] = useState(defaultGatewayUrl(basePath));
  const [client, setClient] = useState<GatewayClient | null>(null);
  const [state, setState] = useState<ConnectionState>({ kind: "idle" });
  const [lastHello, setLastHello] = useState<Hello | null>(null);
  const [toasts, setToasts] = useState<{ id: number; message: string; kind: string }[]>([]);
  const [theme, toggleTheme] = useTheme();
  const route = useRoute();

  useEffect(() => {
    fetch(`${basePath}/__openclaw/control-ui-config.json`, { credentials: "same-origin" })
      .then((r) => (r.ok ? r.json() : null))
      .then((cfg) => cfg && setBoot(cfg as BootConfig))
      .catch(() => {});
    const saved = loadCredentials(defaultGatewayUrl(basePath));
    if (saved.token || saved.password || saved.deviceToken) connect(defaultGatewayUrl(basePath), saved);
  }, []);

  function connect(url: string, creds: StoredCredentials) {
    client?.stop();
    setGatewayUrl(url);
    const c = new GatewayClient(url, creds);
    c.onState = (s) => {
      setState(s);
      if (s.kind === "connected") setLastHello(s.hello);
      if (s.kind === "failed" || s.kind === "pairing" || s.kind === "idle") setLastHello(null);
      if (s.kind === "failed" && s.code === "AUTH_DEVICE_TOKEN_MISMATCH") saveCredentials(url, { ...loadCredentials(url), deviceToken: undefined });
    };
    c.onDeviceToken = (t) => saveCredentials(url, { ...loadCredentials(url), deviceToken: t });
    saveCredentials(url, { ...loadCredentials(url), ...creds });
    setClient(c);
    c.start();
  }

  function disconnect() {
    client?.stop();
    setClient(null);
    setLastHello(null);
    setState({ kind: "idle" });
  }

  const toast = (message: string, kind: "ok" | "error" = "ok") => {
    const id = Date.now() + Math.random();
    setToasts((t) => [...t, { id, message, kind }]);
    setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), 5000);
  };

  // After a first successful connect the app stays on screen while the client reconnects (the badge shows it).
  const hello = state.kind === "connected" ? state.hello : lastHello;
  const connected = hello && client && (state.kind === "connected" || state.kind === "connecting" || state.kind === "retrying");
  return (
    <div class="shell">
      <header class="topbar">
        <a class="brand" href={`${basePath}/overview`} onClick={(e) => { e.preventDefault(); navigate(basePath, "overview"); }}>
          <img src={boot.assistantAvatar} alt="" width={28} height={28} />
          <span>SharpClaw</span>
        </a>
        <ConnectionBadge state={state} />
        <span class="spacer" />
        <button class="ghost" onClick={toggleTheme} aria-label={`Switch to ${theme === "dark" ? "light" : "dark"} theme`}>{theme === "dark" ? "☀︎" : "☾"}</button>
        {client && <button class="ghost" onClick={disconnect}>Disconnect</button>}
      </header>
      {connected ? (
        <Ctx.Provider value={{ client, hello, boot, toast }}>
          {state.kind !== "connected" && <div class="notice warn offline" role="status">Connection lost — reconnecting…</div>}
          <nav class="tabs" aria-label="Sections">
            {ROUTES.map((r) => (
              <a href={`${basePath}/${r}`} aria-current={r === route ? "page" : undefined} onClick={(e) => { e.preventDefault(); navigate(basePath, r); }}>{LABELS[r]}</a>
            ))}
          </nav>
          <main id="main" data-route={route}>
            {route === "overview" && <OverviewView />}
            {route === "chat" && <ChatView />}
            {route === "sessions" && <SessionsView />}
            {route === "agents" && <AgentsView />}
            {route === "approvals" && <ApprovalsView />}
            {route === "devices" && <DevicesView />}
            {route === "config" && <ConfigView />}
          </main>
        </Ctx.Provider>
      ) : (
        <main id="main" data-route="connect">
          <ConnectView state={state} gatewayUrl={gatewayUrl} onConnect={connect} onCancel={disconnect} busy={!!client} />
        </main>
      )}
      <div class="toasts" role="status" aria-live="polite">
        {toasts.map((t) => <div class={`toast ${t.kind}`}>{t.message}</div>)}
      </div>
    </div>
  );
}
