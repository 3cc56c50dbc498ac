using System.Reflection;

namespace SharpClaw.Gateway.Runtime;

/// <summary>Identity of this gateway process: version, boot id and start time.</summary>
public sealed class GatewayInfo(TimeProvider time)
{
    public static readonly string Version = typeof(GatewayInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public string BootId { get; } = Guid.NewGuid().ToString("N");

    public long StartedAtMs { get; } = time.GetUtcNow().ToUnixTimeMilliseconds();

    private readonly long _startTimestamp = time.GetTimestamp();

    public TimeProvider Time => time;

    public long UptimeMs => (long)time.GetElapsedTime(_startTimestamp).TotalMilliseconds;

    public long NowMs => time.GetUtcNow().ToUnixTimeMilliseconds();
}
