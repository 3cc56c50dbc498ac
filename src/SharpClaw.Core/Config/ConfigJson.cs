using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config;

/// <summary>JSON text helpers for config files (no reflection-based serialization).</summary>
internal static class ConfigJson
{
    private static readonly JsonWriterOptions PrettyOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>2-space indented JSON with a trailing newline; non-ASCII text is kept readable.</summary>
    public static string Pretty(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, PrettyOptions))
        {
            if (node is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                node.WriteTo(writer);
            }
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>Parses JSON5 text that must hold an object; throws <see cref="Json5Exception"/> or <see cref="FormatException"/>.</summary>
    public static JsonObject ParseObject(string raw)
        => Json5Reader.Parse(raw) as JsonObject ?? throw new FormatException("the top level must be an object");

    /// <summary>Deep structural equality (numbers compared by value).</summary>
    public static bool DeepEquals(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);
}
