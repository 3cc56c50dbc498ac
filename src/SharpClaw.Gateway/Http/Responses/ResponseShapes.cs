using System.Text.Json.Nodes;
using SharpClaw.Agents.Runs;
using SharpClaw.Gateway.Http.OpenAi;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Gateway.Http.Responses;

/// <summary>The OpenResponses objects: the response resource, the assistant message item and the function-call item.</summary>
internal sealed class ResponseShapes(string responseId, string messageId, string model, long createdAt)
{
    public string ResponseId => responseId;

    public string MessageId => messageId;

    public JsonObject Resource(string status, JsonArray output, TokenUsage usage, JsonObject? error = null)
    {
        var resource = new JsonObject
        {
            ["id"] = responseId,
            ["object"] = "response",
            ["created_at"] = createdAt,
            ["status"] = status,
            ["model"] = model,
            ["output"] = output,
            ["usage"] = CompatUsage.Responses(usage),
            ["error"] = error,
            ["incomplete_details"] = status == "incomplete" ? new JsonObject { ["reason"] = "tool_calls" } : null,
            ["parallel_tool_calls"] = false,
            ["tool_choice"] = "auto",
            ["tools"] = new JsonArray(),
            ["metadata"] = new JsonObject(),
        };
        return resource;
    }

    public JsonObject Message(string text, string status, string? phase)
    {
        var item = new JsonObject
        {
            ["type"] = "message",
            ["id"] = messageId,
            ["role"] = "assistant",
            ["content"] = new JsonArray(OutputText(text)),
            ["status"] = status,
        };
        if (phase is not null)
        {
            item["phase"] = phase;
        }

        return item;
    }

    public static JsonObject OutputText(string text) => new() { ["type"] = "output_text", ["text"] = text, ["annotations"] = new JsonArray() };

    public static JsonObject FunctionCall(PendingToolCall call, bool withStatus)
    {
        var item = new JsonObject
        {
            ["type"] = "function_call",
            ["id"] = "call_" + Guid.NewGuid().ToString("N"),
            ["call_id"] = call.CallId,
            ["name"] = call.Name,
            ["arguments"] = call.ArgumentsJson,
        };
        if (withStatus)
        {
            item["status"] = "completed";
        }

        return item;
    }

    public static JsonObject Failure() => new() { ["code"] = "api_error", ["message"] = "internal error" };
}
