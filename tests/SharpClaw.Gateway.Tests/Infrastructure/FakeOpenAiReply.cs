namespace SharpClaw.Gateway.Tests.Infrastructure;

/// <summary>One scripted chat-completions answer of <see cref="FakeOpenAiServer"/>: streamed text, or a tool call.</summary>
public sealed record FakeOpenAiReply
{
    public IReadOnlyList<string> Chunks { get; init; } = [];

    public string? ToolName { get; init; }

    public string ToolArgumentsJson { get; init; } = "{}";

    /// <summary>A text answer streamed word by word (one SSE chunk per word).</summary>
    public static FakeOpenAiReply Text(string text) => new() { Chunks = WordChunks(text) };

    /// <summary>A single tool call (finish_reason tool_calls).</summary>
    public static FakeOpenAiReply Call(string name, string argumentsJson = "{}") => new() { ToolName = name, ToolArgumentsJson = argumentsJson };

    public static string[] WordChunks(string text) => [.. text.Split(' ').Select(w => w + " ")];
}
