using System.Text.Json.Nodes;

namespace SharpClaw.Agents.Tools;

/// <summary>
/// <c>gateway(action, params?)</c>: safe gateway operations for the agent — <c>status</c> and <c>config.get</c> (secrets
/// redacted, optional <c>path</c> like <c>tools.exec</c>). Config writes are refused: they need an operator with
/// operator.admin, and the agent can never change exec security (<c>tools.exec.*</c>, <c>tools.fs.*</c>, tool policy).
/// Owner-only by policy.
/// </summary>
public sealed class GatewayTool(Func<JsonObject> status, Func<JsonObject?> redactedConfig) : RefusingTool
{
    public override string Name => "gateway";

    public override string Description => "Gateway operations: action=status, or action=config.get with params.path (e.g. \"agents.defaults\"). Config changes must be made by an operator.";

    public override JsonObject ParametersSchema
    {
        get
        {
            var s = Schema(["action"], ("action", "string", "status or config.get"));
            s["properties"]!["params"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["path"] = new JsonObject { ["type"] = "string" } } };
            return s;
        }
    }

    protected override Task<ToolResult> RunAsync(JsonObject args, ToolContext context, CancellationToken ct)
    {
        var action = ToolArgs.RequiredString(args, "action");
        JsonNode? result;
        switch (action)
        {
            case "status":
                result = status();
                break;
            case "config.get":
                var path = (args["params"] as JsonObject)?["path"] is JsonValue v && v.TryGetValue<string>(out var p) ? p : null;
                result = redactedConfig() ?? new JsonObject();
                foreach (var part in (path ?? string.Empty).Split('.', StringSplitOptions.RemoveEmptyEntries))
                {
                    result = (result as JsonObject)?[part];
                }

                result = new JsonObject { ["path"] = path, ["value"] = result?.DeepClone() };
                break;
            case "config.set" or "config.patch" or "config.apply" or "restart" or "update.run":
                throw new ToolRefusedException($"gateway {action} refused: agents cannot change gateway configuration or lifecycle. Ask an operator with operator.admin to run it (exec security settings tools.exec.* and tool policy can never be changed by the agent).");
            default:
                throw new ToolArgumentException($"Unknown action {action} (use status or config.get)");
        }

        var text = result?.ToJsonString() ?? "null";
        return Task.FromResult(Ok(text.Length > ToolResult.MaxChars ? text[..ToolResult.MaxChars] : text, result as JsonObject));
    }
}
