using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SharpClaw.Gateway.Http.Responses;

/// <summary>Writes OpenResponses SSE frames: <c>event: &lt;type&gt;</c> + JSON whose <c>type</c> equals the event name.</summary>
internal sealed class ResponseEventWriter(HttpContext http)
{
    private long _sequence;

    public Task WriteAsync(string type, JsonObject data)
    {
        var frame = new JsonObject { ["type"] = type, ["sequence_number"] = _sequence++ };
        foreach (var (key, value) in data)
        {
            frame[key] = value?.DeepClone();
        }

        return HttpReplies.SseDataAsync(http, frame.ToJsonString(), type);
    }

    public Task PartAsync(string type, string itemId, JsonObject extra)
    {
        var data = new JsonObject { ["item_id"] = itemId, ["output_index"] = 0, ["content_index"] = 0 };
        foreach (var (key, value) in extra)
        {
            data[key] = value?.DeepClone();
        }

        return WriteAsync(type, data);
    }

    public Task DoneAsync() => HttpReplies.SseDataAsync(http, "[DONE]");
}
