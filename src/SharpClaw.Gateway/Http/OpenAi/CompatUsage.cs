using System.Text.Json.Nodes;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Gateway.Http.OpenAi;

/// <summary>Run token usage in the two OpenAI shapes.</summary>
internal static class CompatUsage
{
    /// <summary>Chat completions: prompt = input + cache read (cache write excluded), completion = output.</summary>
    public static JsonObject Chat(TokenUsage u)
    {
        var prompt = Math.Max(0, u.Input) + Math.Max(0, u.CacheRead);
        var completion = Math.Max(0, u.Output);
        return new JsonObject
        {
            ["prompt_tokens"] = prompt,
            ["completion_tokens"] = completion,
            ["total_tokens"] = Math.Max(prompt + completion, u.Total),
        };
    }

    /// <summary>Responses: input, output, total = everything including cache reads and writes.</summary>
    public static JsonObject Responses(TokenUsage u) => new()
    {
        ["input_tokens"] = Math.Max(0, u.Input),
        ["output_tokens"] = Math.Max(0, u.Output),
        ["total_tokens"] = Math.Max(0, u.Total),
    };
}
