namespace SharpClaw.Protocol;

/// <summary>Wire constants of OpenClaw gateway protocol 4.</summary>
public static class ProtocolConstants
{
    public const int ProtocolVersion = 4;
    public const int MinClientProtocolVersion = 4;
    public const int MinNodeProtocolVersion = 3;
    public const int MinProbeProtocolVersion = 3;
    public const int MaxPreAuthPayloadBytes = 64 * 1024;
    public const int MaxPayloadBytes = 25 * 1024 * 1024;
    public const long MaxBufferedBytes = 50L * 1024 * 1024;
    public const int TickIntervalMs = 30_000;
    public const int HandshakeTimeoutMs = 15_000;
    public const int DeviceSignatureSkewMs = 120_000;
    public const int MaxPreAuthConnectionsPerIp = 32;
    public const int MaxPendingHandshakeFrames = 15;
    public const int DedupeTtlMs = 300_000;
    public const int DedupeMax = 1000;
    public const int DefaultPort = 18789;
}
