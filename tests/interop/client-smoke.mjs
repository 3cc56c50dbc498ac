// Drives SharpClaw with OpenClaw's reference client (@openclaw/gateway-client) and prints one JSON line
// per step. Env: SHARPCLAW_URL, SHARPCLAW_TOKEN, SHARPCLAW_STATE (a directory for the device identity),
// SHARPCLAW_TIMEOUT_MS (overall budget). Exit code 0 when hello, health and status all succeeded.
import { GatewayClient } from "@openclaw/gateway-client";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const url = process.env.SHARPCLAW_URL;
const token = process.env.SHARPCLAW_TOKEN;
const stateDir = process.env.SHARPCLAW_STATE ?? ".";
const budgetMs = Number(process.env.SHARPCLAW_TIMEOUT_MS ?? 60000);
const out = (obj) => process.stdout.write(JSON.stringify(obj) + "\n");

function loadOrCreateIdentity() {
  const file = path.join(stateDir, "device.json");
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8"));
  const { publicKey, privateKey } = crypto.generateKeyPairSync("ed25519");
  const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  const privateKeyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const raw = publicKey.export({ type: "spki", format: "der" }).subarray(12);
  const deviceId = crypto.createHash("sha256").update(raw).digest("hex");
  const identity = { deviceId, publicKeyPem, privateKeyPem };
  fs.mkdirSync(stateDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(identity), { mode: 0o600 });
  return identity;
}

const tokens = new Map();
const identity = loadOrCreateIdentity();
const hostDeps = {
  loadOrCreateDeviceIdentity: () => identity,
  signDevicePayload: (pem, payload) => crypto.sign(null, Buffer.from(payload, "utf8"), crypto.createPrivateKey(pem)).toString("base64url"),
  publicKeyRawBase64UrlFromPem: (pem) => crypto.createPublicKey(pem).export({ type: "spki", format: "der" }).subarray(12).toString("base64url"),
  loadDeviceAuthToken: ({ deviceId, role }) => tokens.get(`${deviceId}:${role}`) ?? null,
  storeDeviceAuthToken: ({ deviceId, role, token, scopes }) => tokens.set(`${deviceId}:${role}`, { token, scopes }),
  clearDeviceAuthToken: ({ deviceId, role }) => tokens.delete(`${deviceId}:${role}`),
};

const deadline = setTimeout(() => { out({ step: "timeout" }); process.exit(3); }, budgetMs);
let attempt = 0;

async function connectOnce() {
  attempt++;
  return await new Promise((resolve, reject) => {
    let done = false;
    const settle = (err) => { if (done) return; done = true; setTimeout(() => client.stop(), 0); reject(err); };
    const client = new GatewayClient({
      url,
      token,
      clientName: "gateway-client",
      mode: "ui",
      clientVersion: "interop-1",
      platform: "linux",
      role: "operator",
      scopes: ["operator.read", "operator.write"],
      caps: ["tool-events"],
      deviceIdentity: identity,
      hostDeps,
      onHelloOk: (hello) => { done = true; resolve({ client, hello }); },
      onConnectError: (err) => { settle(err); },
      onReconnectPaused: (info) => { settle(Object.assign(new Error("reconnect paused"), { info })); },
      onClose: (code, reason, info) => { if (code !== 1000) settle(Object.assign(new Error(`closed ${code} ${reason}`), { info, closeReason: reason })); },
    });
    client.start();
  });
}

try {
  let connected;
  while (!connected) {
    try {
      connected = await connectOnce();
    } catch (err) {
      const details = err?.details ?? err?.info?.details ?? err?.gatewayError?.details;
      const text = String(err?.message ?? "") + " " + String(err?.closeReason ?? "") + " " + JSON.stringify(err?.info ?? {});
      const requestId = details?.requestId ?? /requestId: ([0-9a-f-]+)/.exec(text)?.[1];
      out({ step: "connect-error", attempt, message: String(err?.message ?? err), code: err?.code ?? details?.code, requestId });
      if (!requestId || attempt > 40) process.exit(2);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const { client, hello } = connected;
  out({ step: "hello", protocol: hello.protocol, scopes: hello.auth?.scopes, deviceToken: Boolean(hello.auth?.deviceToken), methods: hello.features?.methods?.length });
  const health = await client.request("health", {});
  out({ step: "health", ok: health?.ok === true, result: health });
  const status = await client.request("status", {});
  out({ step: "status", ok: status?.ok === true, version: status?.version });
  client.stop();
  clearTimeout(deadline);
  out({ step: "done" });
  process.exit(0);
} catch (err) {
  out({ step: "failed", message: String(err?.stack ?? err) });
  process.exit(1);
}
