namespace SharpClaw.Providers.Common;

/// <summary>The thinking levels adapters map to wire payloads (xhigh/max/ultra collapse to <see cref="High"/>).</summary>
internal enum ThinkingLevel
{
    Off,
    Minimal,
    Low,
    Medium,
    High,
}
