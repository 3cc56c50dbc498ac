using System.Text.Json.Nodes;

namespace SharpClaw.Gateway.Http;

/// <summary>The <c>gateway.http.endpoints.*</c> and <c>gateway.tools.*</c> values the HTTP APIs act on (seed §4.2 limits).</summary>
internal sealed record HttpApiSettings
{
    public const long ChatCompletionsMaxBody = 1024 * 1024;
    public const long ResponsesMaxBody = 20 * 1024 * 1024;
    public const long ToolsInvokeMaxBody = 2 * 1024 * 1024;

    public bool ChatCompletionsEnabled { get; init; }

    public long ChatCompletionsMaxBodyBytes { get; init; } = ChatCompletionsMaxBody;

    public bool ResponsesEnabled { get; init; }

    public long ResponsesMaxBodyBytes { get; init; } = ResponsesMaxBody;

    public JsonObject? ResponsesConfig { get; init; }

    public JsonObject? ChatCompletionsConfig { get; init; }

    public IReadOnlyList<string> ToolsAllow { get; init; } = [];

    public IReadOnlyList<string> ToolsDeny { get; init; } = [];

    public static HttpApiSettings From(JsonObject? root)
    {
        var endpoints = root?["gateway"]?["http"]?["endpoints"];
        var chat = endpoints?["chatCompletions"] as JsonObject;
        var responses = endpoints?["responses"] as JsonObject;
        var tools = root?["gateway"]?["tools"];
        return new HttpApiSettings
        {
            ChatCompletionsEnabled = ConfigValues.Bool(chat?["enabled"]) ?? false,
            ChatCompletionsMaxBodyBytes = ConfigValues.Long(chat?["maxBodyBytes"]) is > 0 and var c ? c : ChatCompletionsMaxBody,
            ChatCompletionsConfig = chat,
            ResponsesEnabled = ConfigValues.Bool(responses?["enabled"]) ?? false,
            ResponsesMaxBodyBytes = ConfigValues.Long(responses?["maxBodyBytes"]) is > 0 and var r ? r : ResponsesMaxBody,
            ResponsesConfig = responses,
            ToolsAllow = ConfigValues.Strings(tools?["allow"]),
            ToolsDeny = ConfigValues.Strings(tools?["deny"]),
        };
    }
}
