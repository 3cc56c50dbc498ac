using System.CommandLine;

namespace SharpClaw.Cli;

/// <summary>Options every command accepts.</summary>
public static class GlobalOptions
{
    public static readonly Option<string?> Url = new("--url") { Description = "Gateway WebSocket URL (default ws://127.0.0.1:<gateway.port>)", Recursive = true };

    public static readonly Option<string?> Token = new("--token") { Description = "Gateway token (default: OPENCLAW_GATEWAY_TOKEN or gateway.auth.token)", Recursive = true };

    public static readonly Option<string?> Password = new("--password") { Description = "Gateway password (default: OPENCLAW_GATEWAY_PASSWORD or gateway.auth.password)", Recursive = true };

    public static readonly Option<bool> Json = new("--json") { Description = "Machine-readable JSON output", Recursive = true };
}
