import { useEffect, useState } from "preact/hooks";
import { errorText, formatTime, formatUsd, useApp } from "../lib/context";
import { navigate } from "../lib/router";
import { Confirm } from "./confirm";

type Action = "reset" | "compact" | "delete";

export function SessionsView() {
  const { client, boot, toast } = useApp();
  const [sessions, setSessions] = useState<any[]>([]);
  const [search, setSearch] = useState("");
  const [agent, setAgent] = useState("");
  const [active, setActive] = useState("");
  const [selected, setSelected] = useState<string | null>(null);
  const [preview, setPreview] = useState<any[]>([]);
  const [usage, setUsage] = useState<any>(null);
  const [pending, setPending] = useState<{ key: string; action: Action } | null>(null);

  const load = () =>
    client.request("sessions.list", { search: search || undefined, agentId: agent || undefined, activeMinutes: active ? Number(active) : undefined, limit: 200 })
      .then((r: any) => setSessions(r.sessions ?? []))
      .catch((e) => toast(errorText(e), "error"));

  useEffect(() => { load(); }, [search, agent, active]);

  useEffect(() => {
    if (!selected) return;
    client.request("sessions.preview", { keys: [selected], limit: 8 }).then((r: any) => setPreview(r.previews?.[0]?.items ?? [])).catch(() => setPreview([]));
    client.request("sessions.usage", { key: selected }).then(setUsage).catch(() => setUsage(null));
  }, [selected]);

  const run = async ({ key, action }: { key: string; action: Action }) => {
    setPending(null);
    try {
      await client.request(`sessions.${action}`, { key });
      toast(`Session ${action === "delete" ? "deleted" : action === "reset" ? "reset" : "compacted"}: ${key}`);
      if (action === "delete" && selected === key) setSelected(null);
      await load();
    } catch (e) {
      toast(errorText(e), "error");
    }
  };

  const agents = [...new Set(sessions.map((s) => s.agentId))];
  return (
    <div class="split">
      <section class="card">
        <h2>Sessions</h2>
        <div class="filters">
          <input type="search" placeholder="Search key or label" aria-label="Search sessions" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
          <select aria-label="Filter by agent" value={agent} onChange={(e) => setAgent(e.currentTarget.value)}>
            <option value="">All agents</option>
            {agents.map((a) => <option value={a}>{a}</option>)}
          </select>
          <select aria-label="Filter by activity" value={active} onChange={(e) => setActive(e.currentTarget.value)}>
            <option value="">Any time</option>
            <option value="60">Active last hour</option>
            <option value="1440">Active last day</option>
          </select>
        </div>
        <table class="table" id="sessions-table">
          <thead><tr><th>Session</th><th>Tokens</th><th>Updated</th><th><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            {sessions.map((s) => (
              <tr class={selected === s.key ? "selected" : ""} data-key={s.key}>
                <td><button class="link" onClick={() => setSelected(s.key)}>{s.label ?? s.key}</button>{s.running && <span class="badge warn">running</span>}</td>
                <td>{s.totalTokens ?? 0}</td>
                <td>{formatTime(s.updatedAt)}</td>
                <td><div class="actions">
                  <button onClick={() => navigate(boot.basePath, "chat", `?session=${encodeURIComponent(s.key)}`)}>Open</button>
                  <button data-action="reset" onClick={() => setPending({ key: s.key, action: "reset" })}>Reset</button>
                  <button data-action="compact" onClick={() => setPending({ key: s.key, action: "compact" })}>Compact</button>
                  <button data-action="delete" class="danger" onClick={() => setPending({ key: s.key, action: "delete" })}>Delete</button>
                </div></td>
              </tr>
            ))}
          </tbody>
        </table>
        {sessions.length === 0 && <p class="muted">No sessions match.</p>}
      </section>
      <section class="card" aria-live="polite">
        <h2>Preview</h2>
        {!selected ? <p class="muted">Pick a session.</p> : (
          <>
            <p><code>{selected}</code></p>
            <dl class="facts">
              <dt>Input</dt><dd>{usage?.totals?.input ?? usage?.input ?? "—"}</dd>
              <dt>Output</dt><dd>{usage?.totals?.output ?? usage?.output ?? "—"}</dd>
              <dt>Cost</dt><dd>{formatUsd(usage?.totals?.costUsd ?? usage?.costUsd)}</dd>
            </dl>
            <ul class="preview">{preview.map((m) => <li class={m.role}><strong>{m.role}</strong> {m.text}</li>)}</ul>
          </>
        )}
      </section>
      {pending && (
        <Confirm
          message={`${pending.action[0].toUpperCase()}${pending.action.slice(1)} session ${pending.key}? ${pending.action === "delete" ? "Its transcript is removed." : pending.action === "reset" ? "The conversation starts over." : "Older turns are summarised."}`}
          confirmLabel={pending.action[0].toUpperCase() + pending.action.slice(1)}
          onConfirm={() => run(pending)}
          onCancel={() => setPending(null)}
        />
      )}
    </div>
  );
}
