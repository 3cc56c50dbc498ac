/** Shared secrets and device tokens remembered per gateway URL in localStorage (never placed in a URL). */
export interface StoredCredentials {
  token?: string;
  password?: string;
  deviceToken?: string;
}

const prefix = "sharpclaw.gateway.";

export function loadCredentials(gatewayUrl: string): StoredCredentials {
  try {
    return JSON.parse(localStorage.getItem(prefix + gatewayUrl) ?? "{}") as StoredCredentials;
  } catch {
    return {};
  }
}

export function saveCredentials(gatewayUrl: string, creds: StoredCredentials): void {
  localStorage.setItem(prefix + gatewayUrl, JSON.stringify(creds));
}

export function forgetCredentials(gatewayUrl: string): void {
  localStorage.removeItem(prefix + gatewayUrl);
}

export function defaultGatewayUrl(basePath: string): string {
  const proto = location.protocol === "https:" ? "wss:" : "ws:";
  return `${proto}//${location.host}${basePath}/`;
}
