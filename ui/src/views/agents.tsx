import { useEffect, useState } from "preact/hooks";
import { errorText, formatTime, useApp } from "../lib/context";

export function AgentsView() {
  const { client, boot, toast } = useApp();
  const [agents, setAgents] = useState<any[]>([]);
  const [agentId, setAgentId] = useState<string>("");
  const [files, setFiles] = useState<any[]>([]);
  const [path, setPath] = useState<string | null>(null);
  const [content, setContent] = useState("");
  const [original, setOriginal] = useState("");

  useEffect(() => {
    client.request("agents.list").then((r: any) => {
      setAgents(r.agents ?? []);
      setAgentId((r.agents ?? [])[0]?.id ?? "main");
    }).catch((e) => toast(errorText(e), "error"));
  }, []);

  useEffect(() => {
    if (!agentId) return;
    setPath(null);
    client.request("agents.files.list", { agentId }).then((r: any) => setFiles(r.files ?? [])).catch((e) => toast(errorText(e), "error"));
  }, [agentId]);

  const open = async (p: string) => {
    try {
      const r: any = await client.request("agents.files.get", { agentId, path: p });
      setPath(p);
      setContent(r.content ?? "");
      setOriginal(r.content ?? "");
    } catch (e) {
      toast(errorText(e), "error");
    }
  };

  const save = async () => {
    try {
      await client.request("agents.files.set", { agentId, path, content });
      setOriginal(content);
      toast(`Saved ${path}`);
    } catch (e) {
      toast(errorText(e), "error");
    }
  };

  const agent = agents.find((a) => a.id === agentId);
  return (
    <div class="split">
      <section class="card">
        <h2>Agents</h2>
        <ul class="list agents">
          {agents.map((a) => (
            <li>
              <button class={`agent-pick ${a.id === agentId ? "selected" : ""}`} onClick={() => setAgentId(a.id)} aria-pressed={a.id === agentId}>
                <img src={`${boot.basePath}/avatar/${a.id}`} alt="" width={32} height={32} />
                <span><strong>{a.identity?.emoji} {a.identity?.name ?? a.name ?? a.id}</strong><br /><span class="muted">{a.id}{a.default ? " · default" : ""}</span></span>
              </button>
            </li>
          ))}
        </ul>
        {agent && (
          <dl class="facts">
            <dt>Model</dt><dd>{typeof agent.model === "string" && agent.model ? agent.model : agent.model?.primary ?? "gateway default"}</dd>
            <dt>Workspace</dt><dd><code>{agent.workspace}</code></dd>
          </dl>
        )}
        <h3>Workspace files</h3>
        <ul class="list files">
          {files.map((f) => (
            <li><button class="link" onClick={() => open(f.path)}>{f.path}</button> <span class="muted">{f.size} B · {formatTime(f.updatedAtMs)}</span></li>
          ))}
        </ul>
      </section>
      <section class="card">
        <h2>{path ?? "Pick a file"}</h2>
        {path && (
          <>
            <textarea class="editor" aria-label={`Contents of ${path}`} value={content} onInput={(e) => setContent(e.currentTarget.value)} spellcheck={false} />
            <div class="row">
              <button class="primary" disabled={content === original} onClick={save}>Save</button>
              <button disabled={content === original} onClick={() => setContent(original)}>Revert</button>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
