using System.Text.Json;
using System.Text.Json.Serialization;

namespace SharpClaw.Agents.Json;

/// <summary>Source-generated JSON metadata for the types the agent runtime serializes.</summary>
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(Dictionary<string, object?>))]
[JsonSerializable(typeof(IDictionary<string, object?>))]
internal sealed partial class AgentsJsonContext : JsonSerializerContext;
