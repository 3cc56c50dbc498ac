using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SharpClaw.Agents.Runs;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Gateway.Http.OpenAi;

/// <summary>Writes <c>chat.completion.chunk</c> SSE frames: the role chunk once before the first content, deltas, finish, usage.</summary>
internal sealed class ChatChunkWriter(HttpContext http, string id, string model, long created)
{
    private bool _roleSent;

    public JsonObject Envelope(string type) => new()
    {
        ["id"] = id,
        ["object"] = type,
        ["created"] = created,
        ["model"] = model,
    };

    public async Task ContentAsync(string text, string? finishReason = null)
    {
        await RoleAsync();
        await ChoiceAsync(new JsonObject { ["content"] = text }, finishReason);
    }

    public async Task ToolCallsAsync(IReadOnlyList<PendingToolCall> calls)
    {
        await RoleAsync();
        await ChoiceAsync(new JsonObject { ["tool_calls"] = ToolCalls(calls, withIndex: true) }, null);
    }

    public Task FinishAsync(string finishReason) => ChoiceAsync(new JsonObject(), finishReason);

    public Task UsageAsync(TokenUsage usage)
    {
        var chunk = Envelope("chat.completion.chunk");
        chunk["choices"] = new JsonArray();
        chunk["usage"] = CompatUsage.Chat(usage);
        return HttpReplies.SseDataAsync(http, chunk.ToJsonString());
    }

    public static JsonArray ToolCalls(IReadOnlyList<PendingToolCall> calls, bool withIndex)
    {
        var array = new JsonArray();
        for (var i = 0; i < calls.Count; i++)
        {
            var call = new JsonObject
            {
                ["id"] = calls[i].CallId,
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = calls[i].Name, ["arguments"] = calls[i].ArgumentsJson },
            };
            if (withIndex)
            {
                call["index"] = i;
            }

            array.Add((JsonNode)call);
        }

        return array;
    }

    private async Task RoleAsync()
    {
        if (_roleSent)
        {
            return;
        }

        _roleSent = true;
        var chunk = Envelope("chat.completion.chunk");
        chunk["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = new JsonObject { ["role"] = "assistant" } });
        await HttpReplies.SseDataAsync(http, chunk.ToJsonString());
    }

    private Task ChoiceAsync(JsonObject delta, string? finishReason)
    {
        var chunk = Envelope("chat.completion.chunk");
        chunk["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason });
        return HttpReplies.SseDataAsync(http, chunk.ToJsonString());
    }
}
