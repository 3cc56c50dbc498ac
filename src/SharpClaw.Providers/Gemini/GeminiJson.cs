using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using SharpClaw.Providers.Common;

namespace SharpClaw.Providers.Gemini;

/// <summary>Gemini-specific JSON shapes (the shared conversions are in <see cref="ProviderJson"/>).</summary>
internal static class GeminiJson
{
    /// <summary>A function result as the object Gemini requires in <c>functionResponse.response</c>.</summary>
    public static JsonObject Response(FunctionResultContent result)
    {
        if (result.Exception is { } exception)
        {
            return new JsonObject { ["error"] = exception.Message };
        }

        var node = ProviderJson.ToNode(result.Result);
        return node is JsonObject obj ? obj : new JsonObject { ["result"] = node };
    }
}
