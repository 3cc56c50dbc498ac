using System.Text.Json.Nodes;

namespace SharpClaw.Protocol.Frames;

/// <summary>Trim-safe helpers for building node trees.</summary>
public static class JsonNodes
{
    public static JsonArray StringArray(IEnumerable<string> values)
    {
        var arr = new JsonArray();
        foreach (var v in values)
        {
            arr.Add((JsonNode)JsonValue.Create(v));
        }

        return arr;
    }

    public static JsonArray Array(IEnumerable<JsonNode?> values)
    {
        var arr = new JsonArray();
        foreach (var v in values)
        {
            arr.Add(v);
        }

        return arr;
    }
}
