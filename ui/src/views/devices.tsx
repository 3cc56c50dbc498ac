import { useEffect, useState } from "preact/hooks";
import { errorText, formatTime, useApp, useGatewayEvent } from "../lib/context";
import { Confirm } from "./confirm";

export function DevicesView() {
  const { client, toast } = useApp();
  const [pending, setPending] = useState<any[]>([]);
  const [paired, setPaired] = useState<any[]>([]);
  const [nodes, setNodes] = useState<any[]>([]);
  const [confirm, setConfirm] = useState<{ message: string; label: string; run: () => Promise<void> } | null>(null);

  const load = () => {
    client.request("device.pair.list").then((r: any) => { setPending(r.pending ?? []); setPaired(r.paired ?? []); }).catch((e) => toast(errorText(e), "error"));
    client.request("node.list").then((r: any) => setNodes(r.nodes ?? [])).catch(() => {});
  };
  useEffect(load, []);
  useGatewayEvent((event) => { if (event.startsWith("device.pair") || event.startsWith("node.pair")) load(); });

  const act = async (method: string, params: object, done: string) => {
    try {
      await client.request(method, params);
      toast(done);
      load();
    } catch (e) {
      toast(errorText(e), "error");
    }
  };

  return (
    <div class="grid">
      <section class="card wide">
        <h2>Pending pairing requests <span class="count">{pending.length}</span></h2>
        {pending.length === 0 && <p class="muted">No devices waiting.</p>}
        <ul class="list">
          {pending.map((r) => (
            <li data-request-id={r.requestId}>
              <strong>{r.displayName ?? r.clientId ?? "device"}</strong> <code>{r.requestId}</code>
              <span class="muted"> · {r.role} · {(r.scopes ?? []).join(", ")} · {r.reason} · {r.remoteIp} · {formatTime(r.ts)}</span>
              <div class="row">
                <button class="primary" data-action="approve" onClick={() => act("device.pair.approve", { requestId: r.requestId }, "Device approved")}>Approve</button>
                <button class="danger" data-action="reject" onClick={() => act("device.pair.reject", { requestId: r.requestId }, "Request rejected")}>Reject</button>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section class="card wide">
        <h2>Paired devices <span class="count">{paired.length}</span></h2>
        <table class="table">
          <thead><tr><th>Device</th><th>Roles</th><th>Last seen</th><th><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            {paired.map((d) => (
              <tr>
                <td><strong>{d.displayName ?? d.clientId ?? "device"}</strong><br /><code class="muted">{String(d.deviceId).slice(0, 16)}…</code></td>
                <td>{(d.roles ?? []).join(", ")}</td>
                <td>{formatTime(d.lastSeenAtMs)}</td>
                <td><div class="actions">
                  {(d.roles ?? []).map((role: string) => (
                    <>
                      <button onClick={() => setConfirm({ message: `Rotate the ${role} token of this device? It must reconnect with the new token.`, label: "Rotate", run: () => act("device.token.rotate", { deviceId: d.deviceId, role }, "Token rotated") })}>Rotate {role}</button>
                      <button class="danger" onClick={() => setConfirm({ message: `Revoke the ${role} token of this device?`, label: "Revoke", run: () => act("device.token.revoke", { deviceId: d.deviceId, role }, "Token revoked") })}>Revoke {role}</button>
                    </>
                  ))}
                  <button class="danger" onClick={() => setConfirm({ message: "Remove this device? It will have to pair again.", label: "Remove", run: () => act("device.pair.remove", { deviceId: d.deviceId }, "Device removed") })}>Remove</button>
                </div></td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="card wide">
        <h2>Nodes <span class="count">{nodes.length}</span></h2>
        {nodes.length === 0 ? <p class="muted">No nodes connected.</p> : (
          <ul class="list">{nodes.map((n) => <li><strong>{n.displayName ?? n.nodeId}</strong> <span class="muted">{n.platform} · {n.connected ? "online" : "offline"} · {(n.caps ?? []).join(", ")}</span></li>)}</ul>
        )}
      </section>
      {confirm && <Confirm message={confirm.message} confirmLabel={confirm.label} onCancel={() => setConfirm(null)} onConfirm={() => { const c = confirm; setConfirm(null); c.run(); }} />}
    </div>
  );
}
