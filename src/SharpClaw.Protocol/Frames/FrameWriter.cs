using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SharpClaw.Protocol.Frames;

/// <summary>Serializes outbound frames without reflection.</summary>
public static class FrameWriter
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Response(string id, bool ok, JsonPayload payload, ErrorShape? error)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("type", "res");
            w.WriteString("id", id);
            w.WriteBoolean("ok", ok);
            if (payload.HasValue)
            {
                w.WritePropertyName("payload");
                payload.WriteTo(w);
            }

            if (error is not null)
            {
                w.WritePropertyName("error");
                WriteError(w, error);
            }

            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The payload serialised once (as frames write it) so that sending it to many connections copies bytes
    /// instead of re-serialising the node for each; an absent, null or already raw payload is returned as is.
    /// </summary>
    public static JsonPayload Serialized(JsonPayload payload)
    {
        if (!payload.HasValue || payload.IsRaw || payload.AsNode() is null)
        {
            return payload;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            payload.WriteTo(w);
        }

        return JsonPayload.FromRaw(buffer.WrittenMemory);
    }

    public static byte[] Event(string name, JsonPayload payload, long? seq, StateVersion? stateVersion)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("type", "event");
            w.WriteString("event", name);
            if (payload.HasValue)
            {
                w.WritePropertyName("payload");
                payload.WriteTo(w);
            }

            if (seq is { } s)
            {
                w.WriteNumber("seq", s);
            }

            if (stateVersion is { } sv)
            {
                w.WriteStartObject("stateVersion");
                w.WriteNumber("presence", sv.Presence);
                w.WriteNumber("health", sv.Health);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static void WriteError(Utf8JsonWriter w, ErrorShape error)
    {
        w.WriteStartObject();
        w.WriteString("code", error.Code);
        w.WriteString("message", error.Message);
        if (error.Details is not null)
        {
            w.WritePropertyName("details");
            error.Details.WriteTo(w);
        }

        if (error.Retryable is { } r)
        {
            w.WriteBoolean("retryable", r);
        }

        if (error.RetryAfterMs is { } ms)
        {
            w.WriteNumber("retryAfterMs", ms);
        }

        w.WriteEndObject();
    }

    public static JsonObject ErrorToNode(ErrorShape error)
    {
        var o = new JsonObject { ["code"] = error.Code, ["message"] = error.Message };
        if (error.Details is not null)
        {
            o["details"] = error.Details.DeepClone();
        }

        if (error.Retryable is { } r)
        {
            o["retryable"] = r;
        }

        if (error.RetryAfterMs is { } ms)
        {
            o["retryAfterMs"] = ms;
        }

        return o;
    }
}
