export interface ToolCall {
  id: string;
  name: string;
  args?: unknown;
  result?: unknown;
  isError?: boolean;
  done: boolean;
}

function show(v: unknown): string {
  if (v === undefined) return "";
  if (typeof v === "string") return v;
  return JSON.stringify(v, null, 2);
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
