using System.Text.Json.Nodes;

namespace SharpClaw.Gateway.Http.Hooks;

/// <summary>What a hook template can refer to.</summary>
internal sealed record HookTemplateContext(string Path, JsonNode? Payload, JsonObject Headers, JsonObject Query, DateTimeOffset Now);
