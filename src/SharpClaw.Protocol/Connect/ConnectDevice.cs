namespace SharpClaw.Protocol.Connect;

/// <summary><c>connect.params.device</c>: the signed device proof.</summary>
public sealed record ConnectDevice(string Id, string PublicKey, string Signature, long SignedAt, string Nonce);
