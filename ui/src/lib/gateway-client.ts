import { devicePayloadV3, loadDeviceIdentity } from "./device-identity";
import { uuid } from "./encoding";
import type { StoredCredentials } from "./credentials";

export type ConnectionState =
  | { kind: "idle" }
  | { kind: "connecting"; attempt: number }
  | { kind: "connected"; hello: Hello }
  | { kind: "pairing"; requestId: string; message: string }
  | { kind: "retrying"; inMs: number; reason: string }
  | { kind: "failed"; message: string; code?: string };

export interface Hello {
  protocol: number;
  server: { version: string; connId: string };
  features: { methods: string[]; events: string[] };
  snapshot: Record<string, unknown> & { sessionDefaults?: { defaultAgentId?: string; mainSessionKey?: string } };
  auth: { role: string; scopes: string[]; deviceToken?: string; method?: string };
  policy: { tickIntervalMs: number; maxPayload: number };
}

export interface RpcError { code: string; message: string; details?: Record<string, unknown> }

export class GatewayRequestError extends Error {
  constructor(public readonly error: RpcError) {
    super(error.message);
  }
}

type EventHandler = (event: string, payload: any) => void;

export const CONTROL_UI_SCOPES = ["operator.admin", "operator.read", "operator.write", "operator.approvals", "operator.pairing"];
const CLIENT = { id: "openclaw-control-ui", mode: "ui", platform: "web", deviceFamily: "browser" };

/**
 * The Control UI's WebSocket client: waits for connect.challenge, signs it with the device identity, retries with
 * backoff (and keeps retrying while a pairing request waits for approval), and closes a silent socket after
 * two missed ticks (watchdog) so the reconnect logic takes over.
 */
export class GatewayClient {
  private ws?: WebSocket;
  private pending = new Map<string, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  private handlers = new Set<EventHandler>();
  private attempt = 0;
  private retryTimer?: number;
  private watchdog?: number;
  private lastFrameAt = 0;
  private stopped = false;
  state: ConnectionState = { kind: "idle" };
  onState: (s: ConnectionState) => void = () => {};
  onDeviceToken: (token: string) => void = () => {};

  constructor(private readonly url: string, private readonly creds: StoredCredentials) {}

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.watchdog);
    this.ws?.close(1000, "bye");
    this.setState({ kind: "idle" });
  }

  subscribe(handler: EventHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  request<T = any>(method: string, params?: unknown): Promise<T> {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN || this.state.kind !== "connected") {
      return Promise.reject(new GatewayRequestError({ code: "UNAVAILABLE", message: "not connected to the gateway" }));
    }
    const id = uuid();
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      ws.send(JSON.stringify({ type: "req", id, method, params: params ?? {} }));
    });
  }

  private setState(s: ConnectionState): void {
    this.state = s;
    this.onState(s);
  }

  private open(): void {
    this.attempt++;
    this.setState({ kind: "connecting", attempt: this.attempt });
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.url);
    } catch (e) {
      this.setState({ kind: "failed", message: `invalid gateway URL: ${(e as Error).message}` });
      return;
    }
    this.ws = ws;
    let connectId: string | undefined;
    let terminal: ConnectionState | undefined;
    ws.onmessage = async (ev) => {
      this.lastFrameAt = Date.now();
      let frame: any;
      try {
        frame = JSON.parse(String(ev.data));
      } catch {
        return;
      }
      if (frame.type === "event" && frame.event === "connect.challenge" && !connectId) {
        connectId = uuid();
        try {
          ws.send(JSON.stringify({ type: "req", id: connectId, method: "connect", params: await this.connectParams(frame.payload) }));
        } catch (e) {
          terminal = { kind: "failed", message: (e as Error).message };
          ws.close(1000);
        }
        return;
      }
      if (frame.type === "res" && frame.id === connectId) {
        if (frame.ok) {
          this.onHello(frame.payload as Hello);
        } else {
          terminal = this.classify(frame.error as RpcError);
        }
        return;
      }
      if (frame.type === "res") {
        const p = this.pending.get(frame.id);
        if (!p || frame.payload?.status === "accepted") return;
        this.pending.delete(frame.id);
        if (frame.ok) p.resolve(frame.payload);
        else p.reject(new GatewayRequestError(frame.error));
        return;
      }
      if (frame.type === "event") {
        for (const h of this.handlers) h(frame.event, frame.payload);
      }
    };
    ws.onclose = (ev) => this.closed(ws, ev.reason || `connection closed (${ev.code})`, terminal);
  }

  /** Fails what is in flight and schedules the next attempt (or shows why not). */
  private closed(ws: WebSocket, reason: string, terminal?: ConnectionState): void {
    clearInterval(this.watchdog);
    for (const p of this.pending.values()) p.reject(new GatewayRequestError({ code: "UNAVAILABLE", message: "connection closed" }));
    this.pending.clear();
    if (this.stopped || this.ws !== ws) return;
    if (terminal?.kind === "failed") {
      this.setState(terminal);
      return;
    }
    const delay = terminal?.kind === "pairing" ? 2500 : Math.min(15000, Math.round(800 * 1.7 ** Math.min(this.attempt, 8)));
    if (terminal?.kind === "pairing") this.setState(terminal);
    else this.setState({ kind: "retrying", inMs: delay, reason });
    this.retryTimer = window.setTimeout(() => this.open(), delay);
  }

  private async connectParams(challenge: { nonce: string; ts: number }) {
    const device = await loadDeviceIdentity();
    const token = this.creds.token ?? (this.creds.password ? undefined : this.creds.deviceToken);
    const signedAt = challenge.ts;
    const payload = devicePayloadV3({
      deviceId: device.id, clientId: CLIENT.id, clientMode: CLIENT.mode, role: "operator", scopes: CONTROL_UI_SCOPES,
      signedAt, token: token ?? "", nonce: challenge.nonce, platform: CLIENT.platform, deviceFamily: CLIENT.deviceFamily,
    });
    const auth: Record<string, string> = {};
    if (this.creds.token) auth.token = this.creds.token;
    else if (this.creds.deviceToken && !this.creds.password) auth.deviceToken = this.creds.deviceToken;
    if (this.creds.password) auth.password = this.creds.password;
    return {
      minProtocol: 4,
      maxProtocol: 4,
      client: { id: CLIENT.id, version: "0.1.0", platform: CLIENT.platform, deviceFamily: CLIENT.deviceFamily, mode: CLIENT.mode, displayName: "Control UI" },
      role: "operator",
      scopes: CONTROL_UI_SCOPES,
      caps: ["tool-events", "exec-approvals", "approvals"],
      auth,
      device: { id: device.id, publicKey: device.publicKey, signature: await device.sign(payload), signedAt, nonce: challenge.nonce },
      locale: navigator.language,
      userAgent: navigator.userAgent,
    };
  }

  private onHello(hello: Hello): void {
    this.attempt = 0;
    if (hello.auth.deviceToken) this.onDeviceToken(hello.auth.deviceToken);
    this.setState({ kind: "connected", hello });
    const tick = Math.max(1000, hello.policy.tickIntervalMs || 30000);
    this.lastFrameAt = Date.now();
    clearInterval(this.watchdog);
    this.watchdog = window.setInterval(() => {
      const ws = this.ws;
      const silentMs = Date.now() - this.lastFrameAt;
      if (!ws || silentMs <= tick * 2) return;
      // A half-open socket may never finish its close handshake: abandon it and reconnect now.
      ws.onclose = null;
      ws.onmessage = null;
      ws.close(4000, "tick timeout");
      this.closed(ws, `tick timeout: nothing from the gateway for ${Math.round(silentMs / 1000)} s`);
    }, Math.min(tick, 5000));
  }

  private classify(error: RpcError): ConnectionState {
    const details = (error.details ?? {}) as Record<string, any>;
    if (details.code === "PAIRING_REQUIRED") {
      return { kind: "pairing", requestId: String(details.requestId ?? ""), message: error.message };
    }
    if (error.code === "UNAVAILABLE" || details.recommendedNextStep === "wait_then_retry") {
      return { kind: "retrying", inMs: 0, reason: error.message };
    }
    return { kind: "failed", message: error.message, code: details.code };
  }
}
