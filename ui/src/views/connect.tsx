import { useState } from "preact/hooks";
import { loadCredentials, type StoredCredentials } from "../lib/credentials";
import type { ConnectionState } from "../lib/gateway-client";

interface Props {
  state: ConnectionState;
  gatewayUrl: string;
  busy: boolean;
  onConnect: (url: string, creds: StoredCredentials) => void;
  onCancel: () => void;
}

export function ConnectView({ state, gatewayUrl, busy, onConnect, onCancel }: Props) {
  const saved = loadCredentials(gatewayUrl);
  const [url, setUrl] = useState(gatewayUrl);
  const [mode, setMode] = useState<"token" | "password">(saved.password ? "password" : "token");
  const [secret, setSecret] = useState(saved.token ?? saved.password ?? "");

  const submit = (e: Event) => {
    e.preventDefault();
    onConnect(url, mode === "token" ? { token: secret || undefined, password: undefined } : { password: secret || undefined, token: undefined });
  };

  return (
    <section class="card connect" aria-labelledby="connect-title">
      <h1 id="connect-title">Connect to your gateway</h1>
      {state.kind === "pairing" && (
        <div class="notice warn" id="pairing-wait">
          <strong>Waiting for approval.</strong> This browser is a new device. Approve request{" "}
          <code id="pairing-request-id">{state.requestId}</code> from another session (Devices &amp; nodes) or run{" "}
          <code>sharpclaw devices approve {state.requestId}</code>. Retrying automatically…
        </div>
      )}
      {state.kind === "failed" && <div class="notice error" id="connect-error" role="alert">{state.message}</div>}
      {state.kind === "retrying" && <div class="notice warn">{state.reason} — retrying…</div>}
      <form onSubmit={submit}>
        <label>Gateway URL<input name="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} autoComplete="url" /></label>
        <fieldset class="row">
          <legend>Authentication</legend>
          <label class="inline"><input type="radio" name="mode" checked={mode === "token"} onChange={() => setMode("token")} /> Token</label>
          <label class="inline"><input type="radio" name="mode" checked={mode === "password"} onChange={() => setMode("password")} /> Password</label>
        </fieldset>
        <label>{mode === "token" ? "Gateway token" : "Gateway password"}
          <input id="secret" name="secret" type="password" value={secret} onInput={(e) => setSecret(e.currentTarget.value)} autoComplete="current-password" />
        </label>
        <p class="hint">Remembered in this browser for this gateway only; never put in a URL.</p>
        <div class="row">
          <button type="submit" class="primary" id="connect-button">Connect</button>
          {busy && <button type="button" onClick={onCancel}>Cancel</button>}
        </div>
      </form>
    </section>
  );
}
