export interface ToolCall {
  id: string;
  name: string;
  args?: unknown;
  result?: unknown;
  isError?: boolean;
  done: boolean;
}

/** Tool results arrive as text; JSON text is parsed so it can be shown readably. */
function parsed(v: unknown): unknown {
  if (typeof v !== "string" || !/^\s*[{[]/.test(v)) return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function show(v: unknown): string {
  if (v === undefined) return "";
  const value = parsed(v);
  if (typeof value === "string") return value;
  const o = value as Record<string, unknown> | null;
  // exec: {stdout, stderr, exit_code, timed_out?, error?} shown as the terminal would.
  if (o && typeof o === "object" && typeof o.stdout === "string" && "exit_code" in o) {
    const line = (t: string) => (t && !t.endsWith("\n") ? `${t}\n` : t);
    let out = line(o.stdout);
    if (o.stderr) out += `[stderr]\n${line(String(o.stderr))}`;
    if (o.error) out += line(String(o.error));
    return `${out}[exit code ${o.exit_code}]`;
  }
  return JSON.stringify(value, null, 2);
}

/** A collapsible card for one tool call with its arguments and result. */
export function ToolCard({ call }: { call: ToolCall }) {
  return (
    <details class={`tool-card ${call.isError ? "error" : ""}`} data-tool={call.name}>
      <summary>
        <span class="tool-icon" aria-hidden="true">⚙</span> <strong>{call.name}</strong>{" "}
        <span class="muted">{call.done ? (call.isError ? "failed" : "done") : "running…"}</span>
      </summary>
      <div class="tool-body">
        <h4>Arguments</h4>
        <pre>{show(call.args) || "{}"}</pre>
        {call.done && (<><h4>Result</h4><pre class="tool-result">{show(call.result)}</pre></>)}
      </div>
    </details>
  );
}
