import { base64UrlEncode, hex } from "./encoding";

/** An Ed25519 device identity made with WebCrypto; the private key is non-extractable and kept in IndexedDB. */
export interface DeviceIdentity {
  id: string;
  publicKey: string;
  sign(payload: string): Promise<string>;
}

const DB = "sharpclaw-control";
const STORE = "device";
const KEY = "identity-v1";

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function tx<T>(db: IDBDatabase, mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = run(db.transaction(STORE, mode).objectStore(STORE));
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

let cached: Promise<DeviceIdentity> | undefined;

export function loadDeviceIdentity(): Promise<DeviceIdentity> {
  cached ??= create();
  return cached;
}

async function create(): Promise<DeviceIdentity> {
  if (!globalThis.crypto?.subtle) {
    throw new Error("WebCrypto is unavailable: open the Control UI over https or on localhost (a secure context).");
  }
  const db = await openDb();
  let pair = (await tx(db, "readonly", (s) => s.get(KEY))) as CryptoKeyPair | undefined;
  if (!pair) {
    pair = (await crypto.subtle.generateKey({ name: "Ed25519" }, false, ["sign", "verify"])) as CryptoKeyPair;
    await tx(db, "readwrite", (s) => s.put(pair, KEY));
  }
  const raw = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
  const id = hex(new Uint8Array(await crypto.subtle.digest("SHA-256", raw)));
  const privateKey = pair.privateKey;
  return {
    id,
    publicKey: base64UrlEncode(raw),
    async sign(payload: string) {
      const sig = await crypto.subtle.sign({ name: "Ed25519" }, privateKey, new TextEncoder().encode(payload));
      return base64UrlEncode(new Uint8Array(sig));
    },
  };
}

/** The v3 string the gateway verifies (ws-protocol §4.3; SharpClaw.Core DeviceAuthPayload.BuildV3). */
export function devicePayloadV3(p: {
  deviceId: string; clientId: string; clientMode: string; role: string; scopes: string[];
  signedAt: number; token: string; nonce: string; platform: string; deviceFamily: string;
}): string {
  const norm = (v: string) => v.trim().replace(/[A-Z]/g, (c) => c.toLowerCase());
  return ["v3", p.deviceId, p.clientId, p.clientMode, p.role, p.scopes.join(","), String(p.signedAt), p.token, p.nonce, norm(p.platform), norm(p.deviceFamily)].join("|");
}
