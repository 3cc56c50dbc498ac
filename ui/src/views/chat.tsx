import { useEffect, useRef, useState } from "preact/hooks";
import { uuid } from "../lib/encoding";
import { errorText, useApp, useGatewayEvent } from "../lib/context";
import { renderMarkdown } from "../lib/markdown";
import { ToolCard, type ToolCall } from "./tool-card";

interface Entry {
  id: string;
  role: "user" | "assistant" | "system";
  text: string;
  tools: ToolCall[];
  images?: string[];
  error?: string;
}

interface Attachment { mimeType: string; content: string; fileName: string; preview: string }

const THINKING = ["off", "minimal", "low", "medium", "high"];

function textOf(content: any): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.filter((c) => c?.type === "text").map((c) => c.text).join("");
}

/** Turns transcript messages into chat entries; tool results are attached to the card of their call. */
function fromHistory(messages: any[]): Entry[] {
  const out: Entry[] = [];
  const byCall = new Map<string, ToolCall>();
  for (const m of messages) {
    if (m.role === "toolResult") {
      const call = byCall.get(m.toolCallId);
      if (call) Object.assign(call, { result: textOf(m.content) || m.content, isError: !!m.isError, done: true });
      continue;
    }
    const tools: ToolCall[] = [];
    if (Array.isArray(m.content)) {
      for (const c of m.content) {
        if (c?.type === "toolCall") {
          const call: ToolCall = { id: c.id, name: c.name, args: c.arguments, done: false };
          byCall.set(c.id, call);
          tools.push(call);
        }
      }
    }
    const role = m.role === "user" ? "user" : m.role === "assistant" ? "assistant" : "system";
    const last = out[out.length - 1];
    if (role === "assistant" && last?.role === "assistant" && last.tools.length && !last.text) {
      last.text = textOf(m.content);
      last.tools.push(...tools);
      continue;
    }
    out.push({ id: m.id ?? uuid(), role, text: textOf(m.content), tools });
  }
  return out;
}

export function ChatView() {
  const { client, hello, toast } = useApp();
  const params = new URLSearchParams(location.search);
  const [agents, setAgents] = useState<any[]>([]);
  const [agentId, setAgentId] = useState(hello.snapshot.sessionDefaults?.defaultAgentId ?? "main");
  const [sessionKey, setSessionKey] = useState(params.get("session") ?? hello.snapshot.sessionDefaults?.mainSessionKey ?? "agent:main:main");
  const [sessions, setSessions] = useState<any[]>([]);
  const [models, setModels] = useState<any[]>([]);
  const [model, setModel] = useState("");
  const [thinking, setThinking] = useState("");
  const [entries, setEntries] = useState<Entry[]>([]);
  const [runId, setRunId] = useState<string | null>(null);
  const [draft, setDraft] = useState("");
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const live = useRef<Entry | null>(null);
  const log = useRef<HTMLDivElement>(null);

  useEffect(() => {
    client.request("agents.list").then((r: any) => setAgents(r.agents ?? [])).catch(() => {});
    client.request("models.list").then((r: any) => setModels(r.models ?? [])).catch(() => {});
  }, []);

  useEffect(() => {
    client.request("sessions.list", { agentId, limit: 100 }).then((r: any) => setSessions(r.sessions ?? [])).catch(() => {});
  }, [agentId, runId]);

  useEffect(() => {
    live.current = null;
    setRunId(null);
    client.request("chat.history", { sessionKey, limit: 200 })
      .then((r: any) => {
        setEntries(fromHistory(r.messages ?? []));
        setThinking(r.thinkingLevel ?? "");
      })
      .catch((e) => toast(errorText(e), "error"));
    const row = sessions.find((s) => s.key === sessionKey);
    setModel(row?.modelOverride ?? "");
  }, [sessionKey]);

  useEffect(() => {
    log.current?.scrollTo({ top: log.current.scrollHeight });
  }, [entries]);

  const update = () => setEntries((e) => [...e]);
  const liveEntry = (): Entry => {
    if (!live.current) {
      live.current = { id: uuid(), role: "assistant", text: "", tools: [] };
      setEntries((e) => [...e, live.current!]);
    }
    return live.current;
  };

  useGatewayEvent((event, p) => {
    if (!p || p.sessionKey !== sessionKey) return;
    if (event === "chat") {
      const entry = liveEntry();
      if (p.state === "delta") {
        entry.text = textOf(p.message?.content) || entry.text + (p.deltaText ?? "");
      } else if (p.state === "final" || p.state === "aborted" || p.state === "error") {
        if (p.message) entry.text = textOf(p.message.content);
        if (p.state === "error") entry.error = p.errorMessage ?? "the run failed";
        if (p.state === "aborted") entry.error = "aborted";
        live.current = null;
        setRunId(null);
      }
      update();
    } else if (event === "agent" && p.stream === "tool") {
      const d = p.data ?? {};
      const entry = liveEntry();
      let call = entry.tools.find((t) => t.id === d.toolCallId);
      if (!call) {
        call = { id: d.toolCallId, name: d.name, args: d.args, done: false };
        entry.tools.push(call);
      }
      if (d.phase === "result") Object.assign(call, { result: d.result, isError: !!d.isError, done: true });
      update();
    }
  }, [sessionKey]);

  const send = async (e: Event) => {
    e.preventDefault();
    const message = draft.trim();
    if (!message && attachments.length === 0) return;
    const idempotencyKey = uuid();
    setEntries((x) => [...x, { id: idempotencyKey + "-u", role: "user", text: message, tools: [], images: attachments.map((a) => a.preview) }]);
    setDraft("");
    const files = attachments;
    setAttachments([]);
    live.current = null;
    try {
      setRunId(idempotencyKey);
      await client.request("chat.send", {
        sessionKey, agentId, message, idempotencyKey,
        thinking: thinking || undefined,
        attachments: files.length ? files.map((a) => ({ type: "image", mimeType: a.mimeType, fileName: a.fileName, content: a.content })) : undefined,
      });
    } catch (err) {
      setRunId(null);
      toast(errorText(err), "error");
    }
  };

  const abort = () => client.request("chat.abort", { sessionKey }).catch((e) => toast(errorText(e), "error"));

  const patch = async (fields: Record<string, unknown>) => {
    try {
      await client.request("sessions.patch", { key: sessionKey, ...fields });
      toast("Session updated");
    } catch (e) {
      toast(errorText(e), "error");
    }
  };

  const attach = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const picked: Attachment[] = [];
    for (const f of Array.from(input.files ?? [])) {
      if (!f.type.startsWith("image/")) { toast(`${f.name} is not an image`, "error"); continue; }
      if (f.size > 6 * 1024 * 1024) { toast(`${f.name} is larger than 6 MB`, "error"); continue; }
      const dataUrl = await new Promise<string>((res) => { const r = new FileReader(); r.onload = () => res(String(r.result)); r.readAsDataURL(f); });
      picked.push({ mimeType: f.type, fileName: f.name, content: dataUrl.split(",")[1], preview: dataUrl });
    }
    setAttachments((a) => [...a, ...picked]);
    input.value = "";
  };

  return (
    <div class="chat">
      <div class="chat-controls">
        <label>Agent
          <select value={agentId} onChange={(e) => { const id = e.currentTarget.value; setAgentId(id); setSessionKey(`agent:${id}:main`); }}>
            {(agents.length ? agents : [{ id: agentId }]).map((a) => <option value={a.id}>{a.identity?.emoji ?? ""} {a.identity?.name ?? a.name ?? a.id}</option>)}
          </select>
        </label>
        <label>Session
          <select value={sessionKey} onChange={(e) => setSessionKey(e.currentTarget.value)}>
            {[...new Set([sessionKey, ...sessions.map((s) => s.key)])].map((k) => <option value={k}>{k}</option>)}
          </select>
        </label>
        <label>Model
          <select value={model} onChange={(e) => { const m = e.currentTarget.value; setModel(m); patch({ model: m || null }); }}>
            <option value="">Agent default</option>
            {models.map((m) => <option value={m.id}>{m.name ?? m.id}</option>)}
          </select>
        </label>
        <label>Thinking
          <select value={thinking} onChange={(e) => { const t = e.currentTarget.value; setThinking(t); patch({ thinkingLevel: t || null }); }}>
            <option value="">Default</option>
            {THINKING.map((t) => <option value={t}>{t}</option>)}
          </select>
        </label>
      </div>
      <div class="chat-log" ref={log} id="chat-log" role="log" aria-live="polite" tabIndex={0}>
        {entries.length === 0 && <p class="muted">No messages yet. Say hello.</p>}
        {entries.map((m) => (
          <article class={`msg ${m.role}`} data-role={m.role}>
            {m.images?.map((src) => <img class="attachment" src={src} alt="attached image" />)}
            {m.tools.map((t) => <ToolCard call={t} />)}
            {m.role === "assistant" ? <div class="md" dangerouslySetInnerHTML={{ __html: renderMarkdown(m.text) }} /> : m.text && <p class="plain">{m.text}</p>}
            {m.error && <p class="msg-error">{m.error}</p>}
          </article>
        ))}
      </div>
      <form class="composer" onSubmit={send}>
        {attachments.length > 0 && (
          <div class="attachments">{attachments.map((a, i) => (
            <button type="button" class="thumb" aria-label={`Remove ${a.fileName}`} onClick={() => setAttachments((x) => x.filter((_, j) => j !== i))}><img src={a.preview} alt="" /></button>
          ))}</div>
        )}
        <textarea id="chat-input" aria-label="Message" rows={2} placeholder="Message (Enter to send, Shift+Enter for a new line)" value={draft}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => { if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); (e.currentTarget.form as HTMLFormElement).requestSubmit(); } }} />
        <div class="row">
          <label class="file-button">Attach image<span class="sr-only"> (png, jpeg, gif or webp, up to 6 MB)</span><input type="file" accept="image/*" multiple onChange={attach} /></label>
          {runId ? <button type="button" class="danger" id="abort-button" onClick={abort}>Stop</button> : <button type="submit" class="primary" id="send-button">Send</button>}
        </div>
      </form>
    </div>
  );
}
