using System.Text.Json.Nodes;

namespace SharpClaw.Agents.Tools;

/// <summary>What a tool returns to the model: text content, an error flag and optional structured details.</summary>
public sealed record ToolResult(string Text, bool IsError = false, JsonObject? Details = null)
{
    /// <summary>Tool results are capped before they reach the model or the transcript.</summary>
    public const int MaxChars = 64_000;

    public static ToolResult Error(string message) => new(message, true);

    public ToolResult Capped() => Text.Length <= MaxChars ? this : this with { Text = Text[..MaxChars] + $"\n[...truncated {Text.Length - MaxChars} chars]" };
}
