using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace SharpClaw.Gateway.Tests.Interop;

/// <summary>
/// Validates frames against OpenClaw's machine-readable contract, protocol.schema.json from the npm package
/// @openclaw/gateway-protocol (installed by scripts/install-test-deps.sh): every frame against the frame
/// union, hello-ok against HelloOk, and known events against their payload definitions.
/// </summary>
public static class ProtocolSchema
{
    private static readonly Lazy<Loaded> Schema = new(Load);
    private static readonly Lock EvaluationGate = new();

    private static readonly Dictionary<string, string> EventPayloads = new(StringComparer.Ordinal)
    {
        ["tick"] = "TickEvent",
        ["shutdown"] = "ShutdownEvent",
        ["device.pair.requested"] = "DevicePairRequestedEvent",
        ["device.pair.resolved"] = "DevicePairResolvedEvent",
    };

    public static bool IsAvailable => File.Exists(RepoPaths.SchemaFile);

    private static int _validatedFrames;

    public static int ValidatedFrames => Volatile.Read(ref _validatedFrames);

    public static void AssertValid(string frameJson)
    {
        if (!IsAvailable)
        {
            Assert.Fail($"protocol.schema.json is missing at {RepoPaths.SchemaFile}; run scripts/install-test-deps.sh (the test command does this)");
        }

        var loaded = Schema.Value;
        using var doc = JsonDocument.Parse(frameJson);
        Check(loaded.Root, doc.RootElement, "frame", frameJson);
        var root = doc.RootElement;
        var type = root.GetProperty("type").GetString();
        if (type == "res" && root.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object
            && payload.TryGetProperty("type", out var pt) && pt.GetString() == "hello-ok")
        {
            Check(loaded.Definition("HelloOk"), payload, "HelloOk", frameJson);
        }

        if (type == "event" && root.TryGetProperty("payload", out var ep))
        {
            var name = root.GetProperty("event").GetString()!;
            if (EventPayloads.TryGetValue(name, out var def))
            {
                Check(loaded.Definition(def), ep, def, frameJson);
            }
            else if (name is "presence" && ep.TryGetProperty("presence", out var list))
            {
                foreach (var entry in list.EnumerateArray())
                {
                    Check(loaded.Definition("PresenceEntry"), entry, "PresenceEntry", frameJson);
                }
            }
            else if (name is "health")
            {
                Check(loaded.HealthSnapshot, ep, "HealthSnapshot", frameJson);
            }
        }

        Interlocked.Increment(ref _validatedFrames);
    }

    /// <summary>Validates a payload against one named definition of protocol.schema.json (e.g. ToolsCatalogResult).</summary>
    public static void AssertMatches(string definition, JsonNode payload)
    {
        using var doc = JsonDocument.Parse(payload.ToJsonString());
        Check(Schema.Value.Definition(definition), doc.RootElement, definition, payload.ToJsonString());
    }

    private static void Check(JsonSchema schema, JsonElement element, string what, string frame)
    {
        // Evaluating one shared schema from parallel tests occasionally reported a oneOf matching two branches
        // (lazy schema initialisation is not thread-safe), so evaluations are serialised.
        EvaluationResults result;
        lock (EvaluationGate)
        {
            result = schema.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List });
        }

        if (!result.IsValid)
        {
            var errors = string.Join("; ", (result.Details ?? []).Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(10));
            Assert.Fail($"{what} does not match protocol.schema.json: {errors}\nframe: {(frame.Length > 2000 ? frame[..2000] + "…" : frame)}");
        }
    }

    private static Loaded Load()
    {
        var text = File.ReadAllText(RepoPaths.SchemaFile);
        var node = JsonNode.Parse(text)!.AsObject();
        var id = (string?)node["$id"] ?? "https://sharpclaw.invalid/protocol.schema.json";
        var root = JsonSchema.FromText(text);
        SchemaRegistry.Global.Register(new Uri(id), root);
        JsonSchema Def(string name)
        {
            var wrapper = new JsonObject { ["$ref"] = $"{id}#/definitions/{name}" };
            return JsonSchema.FromText(wrapper.ToJsonString());
        }

        var health = node["definitions"]!["HelloOk"]!["properties"]!["snapshot"]!["properties"]!["health"]!.DeepClone().AsObject();
        health["definitions"] = node["definitions"]!.DeepClone();
        return new Loaded(root, Def, JsonSchema.FromText(health.ToJsonString()));
    }

    private sealed record Loaded(JsonSchema Root, Func<string, JsonSchema> Definition, JsonSchema HealthSnapshot);
}
