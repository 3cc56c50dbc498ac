namespace SharpClaw.Gateway.Http;

/// <summary>
/// The default HTTP deny list of <c>/tools/invoke</c> (tools too dangerous for a plain HTTP call);
/// <c>gateway.tools.allow</c> takes names off it, <c>gateway.tools.deny</c> adds names and always wins.
/// </summary>
public sealed class HttpToolDenyPolicy : IToolInvokePolicy
{
    public static readonly IReadOnlyList<string> DefaultDeny =
        ["exec", "spawn", "shell", "fs_write", "fs_delete", "fs_move", "apply_patch", "sessions_spawn", "sessions_send", "cron", "gateway", "nodes", "whatsapp_login"];

    public bool IsAllowed(ToolInvokeRequest request)
    {
        var settings = HttpApiSettings.From(request.Config);
        if (settings.ToolsDeny.Contains(request.Tool, StringComparer.Ordinal))
        {
            return false;
        }

        return !DefaultDeny.Contains(request.Tool, StringComparer.Ordinal) || settings.ToolsAllow.Contains(request.Tool, StringComparer.Ordinal);
    }
}
