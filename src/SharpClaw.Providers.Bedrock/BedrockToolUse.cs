using System.Text;

namespace SharpClaw.Providers.Bedrock;

/// <summary>A tool-use content block being streamed: id and name from <c>contentBlockStart</c>, input JSON from deltas.</summary>
internal sealed record BedrockToolUse(string Id, string Name)
{
    public StringBuilder Input { get; } = new();
}
