using System.Text.Json;

namespace SharpClaw.Protocol.Frames;

/// <summary>
/// Parses inbound frames. Request frames are closed objects: <c>type</c>, <c>id</c>, <c>method</c>,
/// optional <c>params</c>, <c>traceparent</c> (≤128 chars) and <c>expectedProfileId</c>.
/// </summary>
public static class FrameParser
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 128 };

    public static FrameParseResult Parse(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8, Options);
        }
        catch (JsonException)
        {
            return new FrameParseResult(null, false, "frame is not valid JSON", null);
        }

        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            doc.Dispose();
            return new FrameParseResult(null, true, "frame must be a JSON object", null);
        }

        string? type = null, id = null, method = null, trace = null;
        JsonElement? parameters = null;
        string? error = null;
        foreach (var prop in root.EnumerateObject())
        {
            switch (prop.Name)
            {
                case "type":
                    type = prop.Value.ValueKind == JsonValueKind.String ? prop.Value.GetString() : null;
                    error ??= type is null ? "type must be a string" : null;
                    break;
                case "id":
                    id = prop.Value.ValueKind == JsonValueKind.String ? prop.Value.GetString() : null;
                    break;
                case "method":
                    method = prop.Value.ValueKind == JsonValueKind.String ? prop.Value.GetString() : null;
                    break;
                case "params":
                    parameters = prop.Value;
                    break;
                case "traceparent":
                    if (prop.Value.ValueKind != JsonValueKind.String || prop.Value.GetString()!.Length > 128)
                    {
                        error ??= "traceparent must be a string of at most 128 characters";
                    }
                    else
                    {
                        trace = prop.Value.GetString();
                    }

                    break;
                case "expectedProfileId":
                    if (prop.Value.ValueKind != JsonValueKind.String)
                    {
                        error ??= "expectedProfileId must be a string";
                    }

                    break;
                default:
                    error ??= $"at root: unexpected property '{prop.Name}'";
                    break;
            }
        }

        if (error is null && type != "req")
        {
            error = type is null ? "must have required property 'type'" : $"type must be \"req\" (got \"{type}\")";
        }

        if (error is null && string.IsNullOrEmpty(id))
        {
            error = "must have required property 'id' (a non-empty string)";
        }

        if (error is null && string.IsNullOrEmpty(method))
        {
            error = "must have required property 'method' (a non-empty string)";
        }

        if (error is not null)
        {
            doc.Dispose();
            return new FrameParseResult(null, true, error, string.IsNullOrEmpty(id) ? null : id);
        }

        return new FrameParseResult(new RequestFrame { Id = id!, Method = method!, Params = parameters, TraceParent = trace, Document = doc }, true, null, id);
    }
}
