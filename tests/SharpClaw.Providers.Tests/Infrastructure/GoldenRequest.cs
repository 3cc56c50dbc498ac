using System.Text.Json.Nodes;

namespace SharpClaw.Providers.Tests.Infrastructure;

/// <summary>A request <see cref="GoldenServer"/> received (query string kept, unlike the path-only routing).</summary>
internal sealed record GoldenRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
