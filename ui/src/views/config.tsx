import { useEffect, useState } from "preact/hooks";
import { GatewayRequestError } from "../lib/gateway-client";
import { errorText, useApp } from "../lib/context";

interface Issue { path: string; message: string; fix?: string }
interface Field { path: string; schema: any }

/** Flattens a JSON schema to the editable leaf fields (strings, numbers, booleans, enums, string lists). */
function leaves(schema: any, prefix: string, depth: number, out: Field[]): Field[] {
  for (const [name, child] of Object.entries<any>(schema?.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    const type = Array.isArray(child.type) ? child.type.find((t: string) => t !== "null") : child.type;
    if (type === "object" && depth < 3) leaves(child, path, depth + 1, out);
    else if (["string", "number", "integer", "boolean"].includes(type) || child.enum || (type === "array" && child.items?.type === "string")) out.push({ path, schema: { ...child, type } });
  }
  return out;
}

function getAt(obj: any, path: string): any {
  return path.split(".").reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

function patchFor(path: string, value: unknown): Record<string, unknown> {
  const root: Record<string, any> = {};
  const keys = path.split(".");
  let cur = root;
  keys.slice(0, -1).forEach((k) => (cur = cur[k] = {}));
  cur[keys[keys.length - 1]] = value;
  return root;
}

function deepMerge(a: any, b: any): any {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = v && typeof v === "object" && !Array.isArray(v) ? deepMerge(out[k] ?? {}, v) : v;
  return out;
}

export function ConfigView() {
  const { client, toast } = useApp();
  const [snap, setSnap] = useState<any>(null);
  const [schema, setSchema] = useState<any>(null);
  const [tab, setTab] = useState<"form" | "raw">("form");
  const [section, setSection] = useState("gateway");
  const [edits, setEdits] = useState<Record<string, unknown>>({});
  const [raw, setRaw] = useState("");
  const [issues, setIssues] = useState<Issue[]>([]);
  const [conflict, setConflict] = useState(false);
  const [error, setError] = useState("");

  const load = async () => {
    const [c, s]: any[] = await Promise.all([client.request("config.get"), schema ? Promise.resolve({ schema }) : client.request("config.schema")]);
    setSnap(c);
    setSchema(s.schema);
    setRaw(c.raw ?? JSON.stringify(c.parsed ?? {}, null, 2));
    setIssues(c.valid === false ? c.issues ?? [] : []);
    setConflict(false);
    setError("");
  };
  useEffect(() => { load().catch((e) => setError(errorText(e))); }, []);

  const fail = (e: unknown) => {
    const details = e instanceof GatewayRequestError ? (e.error.details as any) : undefined;
    const msg = errorText(e);
    setIssues(details?.issues ?? []);
    setConflict(/base hash|changed since|stale/i.test(msg));
    setError(msg);
  };

  const saveForm = async () => {
    const patch = Object.entries(edits).reduce((acc, [p, v]) => deepMerge(acc, patchFor(p, v)), {});
    try {
      await client.request("config.patch", { raw: JSON.stringify(patch), baseHash: snap.hash });
      toast("Config saved");
      setEdits({});
      await load();
    } catch (e) {
      fail(e);
    }
  };

  const saveRaw = async () => {
    try {
      await client.request("config.set", { raw, baseHash: snap.hash });
      toast("Config saved");
      await load();
    } catch (e) {
      fail(e);
    }
  };

  if (!snap || !schema) return <section class="card">{error ? <p class="notice error">{error}</p> : <p>Loading config…</p>}</section>;
  const sections = Object.keys(schema.properties ?? {}).filter((k) => !k.startsWith("$"));
  const fields = leaves(schema.properties?.[section] ?? {}, section, 0, []);
  const issueFor = (path: string) => issues.filter((i) => i.path === path || i.path.startsWith(path + "."));
  const value = (path: string) => (path in edits ? edits[path] : getAt(snap.parsed, path));

  return (
    <section class="card wide config">
      <div class="row">
        <h2>Config</h2>
        <span class="muted">hash <code id="config-hash">{String(snap.hash).split(":").pop()!.slice(0, 12)}</code>{snap.path && <> · <code>{snap.path}</code></>}</span>
        <span class="spacer" />
        <div role="tablist" class="segmented">
          <button role="tab" aria-selected={tab === "form"} onClick={() => setTab("form")}>Form</button>
          <button role="tab" aria-selected={tab === "raw"} id="raw-tab" onClick={() => setTab("raw")}>Raw JSON5</button>
        </div>
      </div>
      {conflict && (
        <div class="notice warn" id="config-conflict" role="alert">
          <p><strong>Conflict:</strong> the config changed on the gateway since you loaded it, so nothing was saved. Reload the latest version and apply your edit again.</p>
          <button onClick={() => load()}>Reload latest</button>
        </div>
      )}
      {!conflict && error && <div class="notice error" id="config-error" role="alert">{error}</div>}
      {issues.length > 0 && tab === "raw" && (
        <ul class="issues">{issues.map((i) => <li><code>{i.path || "(root)"}</code>: {i.message}{i.fix && <> — {i.fix}</>}</li>)}</ul>
      )}
      {tab === "form" ? (
        <div class="config-form">
          <nav class="sections" aria-label="Config sections">
            {sections.map((s) => <button aria-pressed={s === section} onClick={() => setSection(s)}>{s}</button>)}
          </nav>
          <form onSubmit={(e) => { e.preventDefault(); saveForm(); }}>
            {fields.length === 0 && <p class="muted">Nothing editable in this section here; use the raw editor.</p>}
            {fields.map(({ path, schema: s }) => {
              const v = value(path);
              const id = `f-${path.replace(/\W/g, "-")}`;
              const set = (nv: unknown) => setEdits((e) => ({ ...e, [path]: nv }));
              const fieldIssues = issueFor(path);
              return (
                <div class={`field ${fieldIssues.length ? "invalid" : ""}`}>
                  <label for={id}>{path.slice(section.length + 1)}</label>
                  {s.enum ? (
                    <select id={id} value={v == null ? "" : String(v)} onChange={(e) => set(e.currentTarget.value || null)}>
                      <option value="">(default)</option>
                      {s.enum.map((o: string) => <option value={o}>{o}</option>)}
                    </select>
                  ) : s.type === "boolean" ? (
                    <input id={id} type="checkbox" checked={v === true} onChange={(e) => set(e.currentTarget.checked)} />
                  ) : s.type === "array" ? (
                    <input id={id} value={Array.isArray(v) ? v.join(", ") : ""} placeholder="comma separated" onChange={(e) => set(e.currentTarget.value.split(",").map((x) => x.trim()).filter(Boolean))} />
                  ) : (
                    <input id={id} type={s.type === "string" ? (s.writeOnly || /token|password|secret|key/i.test(path) ? "password" : "text") : "number"} value={v == null ? "" : String(v)}
                      onChange={(e) => { const t = e.currentTarget.value; set(t === "" ? null : s.type === "string" ? t : Number(t)); }} />
                  )}
                  {s.description && <small class="muted">{s.description}</small>}
                  {fieldIssues.map((i) => <small class="field-error" role="alert">{i.message}{i.fix ? ` — ${i.fix}` : ""}</small>)}
                </div>
              );
            })}
            <div class="row">
              <button class="primary" id="config-save" disabled={Object.keys(edits).length === 0}>Save changes</button>
              <button type="button" disabled={Object.keys(edits).length === 0} onClick={() => setEdits({})}>Discard</button>
            </div>
          </form>
        </div>
      ) : (
        <div class="raw">
          <textarea class="editor" id="raw-config" aria-label="Raw config (JSON5)" value={raw} onInput={(e) => setRaw(e.currentTarget.value)} spellcheck={false} />
          <div class="row">
            <button class="primary" id="raw-save" onClick={saveRaw}>Save raw config</button>
            <button onClick={() => load()}>Reload</button>
          </div>
        </div>
      )}
    </section>
  );
}
