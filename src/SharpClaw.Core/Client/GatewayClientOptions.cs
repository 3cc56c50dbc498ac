using SharpClaw.Core.Security;

namespace SharpClaw.Core.Client;

/// <summary>How <see cref="GatewayClient"/> connects.</summary>
public sealed record GatewayClientOptions
{
    public Uri Url { get; init; } = new("ws://127.0.0.1:18789/");

    public string? Token { get; init; }

    public string? Password { get; init; }

    public string? DeviceToken { get; init; }

    public DeviceIdentity? Device { get; init; }

    public string ClientId { get; init; } = "cli";

    public string ClientMode { get; init; } = "cli";

    public string ClientVersion { get; init; } = typeof(GatewayClient).Assembly.GetName().Version?.ToString(3) ?? "0.1.0";

    public string Platform { get; init; } = OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsMacOS() ? "darwin" : OperatingSystem.IsWindows() ? "win32" : "unknown";

    public string? DeviceFamily { get; init; }

    public string? DisplayName { get; init; }

    public string Role { get; init; } = "operator";

    public IReadOnlyList<string> Scopes { get; init; } = Protocol.Auth.OperatorScopes.CliDefault;

    public IReadOnlyList<string> Caps { get; init; } = [];

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
