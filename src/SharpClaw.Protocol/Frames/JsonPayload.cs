using System.Text.Json;
using System.Text.Json.Nodes;

namespace SharpClaw.Protocol.Frames;

/// <summary>A payload to put on the wire: either a node tree or already-serialized UTF-8 JSON (hot paths).</summary>
public readonly struct JsonPayload
{
    private readonly JsonNode? _node;
    private readonly ReadOnlyMemory<byte> _raw;

    private JsonPayload(JsonNode? node, ReadOnlyMemory<byte> raw, bool hasValue)
    {
        _node = node;
        _raw = raw;
        HasValue = hasValue;
    }

    public bool HasValue { get; }

    public static JsonPayload None => default;

    /// <summary>True when the payload holds serialised UTF-8 JSON rather than a node.</summary>
    public bool IsRaw => !_raw.IsEmpty;

    public static JsonPayload From(JsonNode? node) => new(node, default, true);

    public static JsonPayload FromRaw(ReadOnlyMemory<byte> utf8Json) => new(null, utf8Json, true);

    public static implicit operator JsonPayload(JsonNode? node) => From(node);

    public JsonPayload ToJsonPayload() => this;

    public void WriteTo(Utf8JsonWriter writer)
    {
        if (!_raw.IsEmpty)
        {
            writer.WriteRawValue(_raw.Span, skipInputValidation: true);
        }
        else if (_node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            _node.WriteTo(writer);
        }
    }

    /// <summary>A node view of the payload (parses raw payloads); for tests and diagnostics.</summary>
    public JsonNode? AsNode() => _raw.IsEmpty ? _node : JsonNode.Parse(_raw.Span);
}
