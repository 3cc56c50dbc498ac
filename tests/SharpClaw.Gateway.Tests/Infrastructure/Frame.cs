using System.Text.Json.Nodes;

namespace SharpClaw.Gateway.Tests.Infrastructure;

/// <summary>A received frame, already validated against protocol.schema.json.</summary>
public sealed record Frame(JsonObject Json)
{
    public string Type => (string)Json["type"]!;

    public string? Id => (string?)Json["id"];

    public string? Event => (string?)Json["event"];

    public bool Ok => (bool?)Json["ok"] ?? false;

    public JsonNode? Payload => Json["payload"];

    public JsonObject? Error => Json["error"] as JsonObject;

    public string? ErrorCode => (string?)Error?["code"];

    public string? ErrorMessage => (string?)Error?["message"];

    public string? DetailsCode => (string?)Error?["details"]?["code"];

    public override string ToString() => Json.ToJsonString();
}
