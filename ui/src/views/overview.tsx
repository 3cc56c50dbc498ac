import { useEffect, useRef, useState } from "preact/hooks";
import { errorText, formatUsd, useApp, useGatewayEvent } from "../lib/context";
import { BarChart } from "./bar-chart";

export function OverviewView() {
  const { client, hello } = useApp();
  const [health, setHealth] = useState<any>(hello.snapshot.health ?? null);
  const [status, setStatus] = useState<any>(null);
  const [presence, setPresence] = useState<any[]>((hello.snapshot.presence as any[]) ?? []);
  const [cost, setCost] = useState<any>(null);
  const [tokens, setTokens] = useState<any[]>([]);
  const [logs, setLogs] = useState<string[]>([]);
  const [error, setError] = useState("");
  const cursor = useRef<number | undefined>(undefined);
  const logBox = useRef<HTMLPreElement>(null);

  useEffect(() => {
    Promise.all([
      client.request("health").then(setHealth),
      client.request("status").then(setStatus),
      client.request("system-presence").then((p: any) => setPresence(Array.isArray(p) ? p : p?.presence ?? [])),
      client.request("usage.cost", { range: "30d" }).then(setCost),
      client.request("sessions.usage.timeseries", { range: "30d" }).then((t: any) => setTokens(t?.points ?? [])).catch(() => {}),
    ]).catch((e) => setError(errorText(e)));
    let alive = true;
    const poll = async () => {
      try {
        const r: any = await client.request("logs.tail", { cursor: cursor.current, limit: 200, maxBytes: 65536 });
        if (!alive) return;
        cursor.current = r.cursor;
        if (r.lines?.length) setLogs((old) => [...(r.reset ? [] : old), ...r.lines].slice(-400));
      } catch {
        /* the connection badge shows outages */
      }
      if (alive) timer = window.setTimeout(poll, 2000);
    };
    let timer = window.setTimeout(poll, 0);
    return () => { alive = false; clearTimeout(timer); };
  }, [client]);

  useEffect(() => {
    if (logBox.current) logBox.current.scrollTop = logBox.current.scrollHeight;
  }, [logs]);

  useGatewayEvent((event, payload) => {
    if (event === "presence") setPresence(payload?.presence ?? []);
    if (event === "health") setHealth(payload);
  });

  return (
    <div class="grid">
      {error && <div class="notice error" role="alert">{error}</div>}
      <section class="card">
        <h2>Gateway</h2>
        <dl class="facts">
          <dt>Version</dt><dd>{hello.server.version}</dd>
          <dt>Health</dt><dd id="health-state">{health?.ok === false ? "degraded" : health ? "ok" : "…"}</dd>
          <dt>Uptime</dt><dd>{Math.round(Number(hello.snapshot.uptimeMs ?? 0) / 1000)} s at connect</dd>
          <dt>Auth</dt><dd>{String(hello.snapshot.authMode ?? hello.auth.method ?? "")}</dd>
          <dt>Runtime</dt><dd>{status?.runtime ?? "—"} · {status?.platform ?? ""}</dd>
          <dt>Listening</dt><dd>{status?.gateway ? `port ${status.gateway.port} (${status.gateway.bind})` : "—"}</dd>
          <dt>Devices</dt><dd>{status?.devices ? `${status.devices.paired} paired, ${status.devices.pending} pending` : "—"}</dd>
        </dl>
      </section>
      <section class="card">
        <h2>Connected clients <span class="count">{presence.length}</span></h2>
        <ul class="list">
          {presence.map((p) => (
            <li><strong>{p.clientId ?? p.host ?? "client"}</strong> <span class="muted">{p.mode} · {p.platform} · {(p.roles ?? []).join(",")}</span></li>
          ))}
        </ul>
      </section>
      <section class="card wide">
        <h2>Usage and cost (30 days) <span class="count" id="total-cost">{formatUsd(cost?.totalUsd)}</span></h2>
        <div class="charts">
          <BarChart label="Cost per day" points={(cost?.byDay ?? []).map((d: any) => ({ x: d.date, y: d.costUsd }))} format={formatUsd} />
          <BarChart label="Tokens per day" points={tokens.map((d: any) => ({ x: d.date, y: d.totalTokens ?? 0 }))} format={(v) => `${v} tokens`} />
        </div>
      </section>
      <section class="card wide">
        <h2>Live log</h2>
        <pre class="log" id="log-tail" ref={logBox} tabIndex={0} aria-label="Gateway log tail">{logs.join("\n")}</pre>
      </section>
    </div>
  );
}
