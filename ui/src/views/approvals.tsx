import { useEffect, useState } from "preact/hooks";
import { errorText, formatTime, useApp, useGatewayEvent } from "../lib/context";

type Decision = "allow-once" | "allow-always" | "deny";

/** The request as the gateway stores and shows it (exec.approval.requested / list / resolved `request`). */
interface ApprovalRequest {
  command?: string;
  commandArgv?: string[];
  cwd?: string | null;
  host?: string | null;
  security?: string | null;
  ask?: string | null;
  agentId?: string | null;
  sessionKey?: string | null;
  warningText?: string | null;
  unavailableDecisions?: string[];
}

/** `{id, request, createdAtMs, expiresAtMs}` — the exec.approval.requested payload and an exec.approval.list entry. */
interface Approval { id: string; request: ApprovalRequest; createdAtMs?: number; expiresAtMs?: number }

const DECISIONS: { decision: Decision; label: string; cls: string }[] = [
  { decision: "allow-once", label: "Allow once", cls: "primary" },
  { decision: "allow-always", label: "Always allow", cls: "" },
  { decision: "deny", label: "Deny", cls: "danger" },
];

/** The exact command text the gateway will run (already escaped by the gateway where it hides characters). */
function commandOf(request?: ApprovalRequest): string {
  if (typeof request?.command === "string") return request.command;
  if (Array.isArray(request?.commandArgv)) return request.commandArgv.join(" ");
  return "";
}

/** Live exec approvals: exec.approval.requested / resolved events, backfilled with exec.approval.list on every (re)connect. */
export function ApprovalsView() {
  const { client, hello, toast } = useApp();
  const supported = hello.features.methods.includes("exec.approval.resolve");
  const [items, setItems] = useState<Approval[]>([]);
  const [resolved, setResolved] = useState<{ id: string; decision: string; command: string; resolvedBy?: string }[]>([]);

  useEffect(() => {
    if (!hello.features.methods.includes("exec.approval.list")) return;
    client.request<{ approvals?: Approval[] }>("exec.approval.list")
      .then((r) => setItems((r.approvals ?? []).filter((a) => !a.expiresAtMs || a.expiresAtMs > Date.now())))
      .catch((e) => toast(errorText(e), "error"));
  }, [hello]);

  useGatewayEvent((event, p) => {
    if (event === "exec.approval.requested" && p?.id) setItems((x) => [...x.filter((a) => a.id !== p.id), p as Approval]);
    if (event === "exec.approval.resolved" && p?.id) {
      setItems((x) => x.filter((a) => a.id !== p.id));
      setResolved((r) => [{ id: p.id, decision: p.decision, command: commandOf(p.request), resolvedBy: p.resolvedBy }, ...r.filter((x) => x.id !== p.id)].slice(0, 20));
    }
  });

  const decide = async (id: string, decision: Decision) => {
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
        {!supported && <p class="notice warn">This gateway does not offer exec approvals (no <code>exec.approval.resolve</code> method).</p>}
        {items.length === 0 && <p class="muted">Nothing waiting. Requests appear here live.</p>}
        <ul class="list approvals">
          {items.map((a) => {
            const r = a.request ?? {};
            const unavailable = r.unavailableDecisions ?? [];
            return (
              <li class="approval" data-approval-id={a.id}>
                <pre class="command" aria-label="Command">{commandOf(r)}</pre>
                {r.warningText && <p class="notice warn approval-warning">{r.warningText}</p>}
                <p class="muted">
                  {r.cwd && <>in <code>{r.cwd}</code> · </>}
                  {r.host && <>host {r.host} · </>}
                  {r.security && <>security {r.security}{r.ask ? `, ask ${r.ask}` : ""} · </>}
                  {r.agentId ?? ""}{r.sessionKey ? ` (${r.sessionKey})` : ""} · requested {formatTime(a.createdAtMs)}{a.expiresAtMs ? ` · expires ${formatTime(a.expiresAtMs)}` : ""}
                </p>
                <div class="row">
                  {DECISIONS.filter((d) => !unavailable.includes(d.decision)).map((d) => (
                    <button class={d.cls} data-decision={d.decision} onClick={() => decide(a.id, d.decision)}>{d.label}</button>
                  ))}
                </div>
              </li>
            );
          })}
        </ul>
      </section>
      {resolved.length > 0 && (
        <section class="card wide">
          <h2>Recently resolved</h2>
          <ul class="list" id="resolved-approvals">
            {resolved.map((r) => <li data-resolved-id={r.id}><code>{r.command}</code> → <strong data-decision={r.decision}>{r.decision}</strong></li>)}
          </ul>
        </section>
      )}
    </div>
  );
}
