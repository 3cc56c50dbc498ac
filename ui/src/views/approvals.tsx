import { useEffect, useState } from "preact/hooks";
import { errorText, formatTime, useApp, useGatewayEvent } from "../lib/context";

interface Approval { id: string; request: any; createdAtMs?: number; expiresAtMs?: number }

function commandOf(request: any): string {
  if (!request) return "";
  if (typeof request.command === "string") return request.command;
  if (Array.isArray(request.argv)) return request.argv.join(" ");
  if (Array.isArray(request.command)) return request.command.join(" ");
  return JSON.stringify(request);
}

/** Live exec approvals: exec.approval.requested / resolved events, backfilled with exec.approval.list. */
export function ApprovalsView() {
  const { client, hello, toast } = useApp();
  const supported = hello.features.methods.includes("exec.approval.resolve");
  const [items, setItems] = useState<Approval[]>([]);
  const [resolved, setResolved] = useState<{ id: string; decision: string; command: string }[]>([]);

  useEffect(() => {
    if (!hello.features.methods.includes("exec.approval.list")) return;
    client.request("exec.approval.list").then((r: any) => setItems(Array.isArray(r) ? r : r.approvals ?? r.items ?? [])).catch(() => {});
  }, []);

  useGatewayEvent((event, p) => {
    if (event === "exec.approval.requested" && p?.id) setItems((x) => [...x.filter((a) => a.id !== p.id), p]);
    if (event === "exec.approval.resolved" && p?.id) {
      setItems((x) => x.filter((a) => a.id !== p.id));
      setResolved((r) => [{ id: p.id, decision: p.decision, command: commandOf(p.request) }, ...r].slice(0, 20));
    }
  });

  const decide = async (id: string, decision: "allow-once" | "allow-always" | "deny") => {
    try {
      await client.request("exec.approval.resolve", { id, decision });
      setItems((x) => x.filter((a) => a.id !== id));
      toast(`${decision} sent`);
    } catch (e) {
      toast(errorText(e), "error");
    }
  };

  return (
    <div class="grid">
      <section class="card wide">
        <h2>Pending exec approvals <span class="count">{items.length}</span></h2>
        {!supported && <p class="notice warn">This gateway does not offer exec approvals yet (no <code>exec.approval.resolve</code> method).</p>}
        {items.length === 0 && <p class="muted">Nothing waiting. Requests appear here live.</p>}
        <ul class="list approvals">
          {items.map((a) => (
            <li class="approval" data-approval-id={a.id}>
              <pre class="command">{commandOf(a.request)}</pre>
              <p class="muted">{a.request?.cwd && <>in <code>{a.request.cwd}</code> · </>}{a.request?.agentId ?? ""} · requested {formatTime(a.createdAtMs)}{a.expiresAtMs ? ` · expires ${formatTime(a.expiresAtMs)}` : ""}</p>
              <div class="row">
                <button class="primary" data-decision="allow-once" onClick={() => decide(a.id, "allow-once")}>Allow once</button>
                <button data-decision="allow-always" onClick={() => decide(a.id, "allow-always")}>Always allow</button>
                <button class="danger" data-decision="deny" onClick={() => decide(a.id, "deny")}>Deny</button>
              </div>
            </li>
          ))}
        </ul>
      </section>
      {resolved.length > 0 && (
        <section class="card wide">
          <h2>Recently resolved</h2>
          <ul class="list">{resolved.map((r) => <li><code>{r.command}</code> → <strong>{r.decision}</strong></li>)}</ul>
        </section>
      )}
    </div>
  );
}
