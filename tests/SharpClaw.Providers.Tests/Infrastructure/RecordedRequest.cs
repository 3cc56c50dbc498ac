using System.Text.Json.Nodes;

namespace SharpClaw.Providers.Tests.Infrastructure;

/// <summary>A request the fake server received.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
