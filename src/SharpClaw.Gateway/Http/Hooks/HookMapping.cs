using System.Text.Json.Nodes;

namespace SharpClaw.Gateway.Http.Hooks;

/// <summary>One <c>hooks.mappings[]</c> entry (or a preset): how a webhook under the base path becomes a wake or an agent run.</summary>
internal sealed record HookMapping
{
    public string? Id { get; init; }

    public string? MatchPath { get; init; }

    public string? MatchSource { get; init; }

    /// <summary>agent | wake.</summary>
    public string Action { get; init; } = "agent";

    public string? WakeMode { get; init; }

    public string? Name { get; init; }

    public string? AgentId { get; init; }

    public string? SessionKey { get; init; }

    public string? MessageTemplate { get; init; }

    public string? TextTemplate { get; init; }

    public bool Deliver { get; init; } = true;

    public bool AllowUnsafeExternalContent { get; init; }

    public string? Channel { get; init; }

    public string? To { get; init; }

    public string? Model { get; init; }

    public string? Thinking { get; init; }

    public int? TimeoutSeconds { get; init; }

    /// <summary>
    /// <c>transform.module</c>: the name an <see cref="IHookTransform"/> was registered under, else a JavaScript
    /// file relative to <c>hooks.transformsDir</c>.
    /// </summary>
    public string? TransformModule { get; init; }

    /// <summary><c>transform.export</c>: the JavaScript export to call (else <c>default</c>, then <c>transform</c>).</summary>
    public string? TransformExport { get; init; }

    public static HookMapping From(JsonObject o) => new()
    {
        Id = ConfigValues.String(o["id"]),
        MatchPath = ConfigValues.String(o["match"]?["path"])?.Trim('/'),
        MatchSource = ConfigValues.String(o["match"]?["source"]),
        Action = ConfigValues.String(o["action"]) == "wake" ? "wake" : "agent",
        WakeMode = ConfigValues.String(o["wakeMode"]),
        Name = ConfigValues.String(o["name"]),
        AgentId = ConfigValues.String(o["agentId"]),
        SessionKey = ConfigValues.String(o["sessionKey"]),
        MessageTemplate = ConfigValues.String(o["messageTemplate"]),
        TextTemplate = ConfigValues.String(o["textTemplate"]),
        Deliver = ConfigValues.Bool(o["deliver"]) ?? true,
        AllowUnsafeExternalContent = ConfigValues.Bool(o["allowUnsafeExternalContent"]) ?? false,
        Channel = ConfigValues.String(o["channel"]),
        To = ConfigValues.String(o["to"]),
        Model = ConfigValues.String(o["model"]),
        Thinking = ConfigValues.String(o["thinking"]),
        TimeoutSeconds = ConfigValues.Long(o["timeoutSeconds"]) is > 0 and var t ? (int)t : null,
        TransformModule = ConfigValues.String(o["transform"]?["module"]),
        TransformExport = ConfigValues.String(o["transform"]?["export"])?.Trim() is { Length: > 0 } export ? export : null,
    };

    /// <summary>The <c>gmail</c> preset (Gmail push via <c>gog gmail watch serve</c>).</summary>
    public static HookMapping GmailPreset(bool allowUnsafe) => new()
    {
        Id = "gmail",
        MatchPath = "gmail",
        Action = "agent",
        WakeMode = "now",
        Name = "Gmail",
        SessionKey = "hook:gmail:{{messages[0].id}}",
        MessageTemplate = "New email from {{messages[0].from}}\nSubject: {{messages[0].subject}}\n{{messages[0].snippet}}\n{{messages[0].body}}",
        AllowUnsafeExternalContent = allowUnsafe,
    };

    public bool Matches(string subPath, JsonNode? payload)
    {
        if (MatchPath is not null && MatchPath != subPath)
        {
            return false;
        }

        return MatchSource is null || ConfigValues.String((payload as JsonObject)?["source"]) == MatchSource;
    }
}
