using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using SharpClaw.Agents.Runs;
using SharpClaw.Agents.Sessions;
using static SharpClaw.Agents.Tests.Runs.TranscriptFixtures;

namespace SharpClaw.Agents.Tests.Runs;

public sealed class TranscriptContextTests
{
    [Fact]
    public void Messages_AfterLastReset_AreKept()
    {
        var events = new List<JsonObject> { TranscriptEvents.Header("s", T, null), Msg("user", "old"), Msg("assistant", "old answer"), TranscriptEvents.Reset("reset", T), Msg("user", "new") };
        var messages = TranscriptContext.Build(events);
        var only = Assert.Single(messages);
        Assert.Equal("new", only.Text);
    }

    [Fact]
    public void Compaction_InjectsSummaryWithExactFraming_AndKeepsTail()
    {
        var kept = Msg("user", "recent question");
        var events = new List<JsonObject> { TranscriptEvents.Header("s", T, null), Msg("user", "ancient"), kept, Msg("assistant", "recent answer") };
        events.Add(TranscriptEvents.Compaction("SUMMARY", (string)kept["id"]!, 1000, 200, T));
        events.Add(Msg("user", "after"));
        var messages = TranscriptContext.Build(events);
        Assert.StartsWith(TranscriptContext.CompactionPreamble + "SUMMARY\n</summary>", messages[0].Text, StringComparison.Ordinal);
        Assert.Equal(["recent question", "recent answer", "after"], messages.Skip(1).Select(m => m.Text));
    }

    [Fact]
    public void MissingToolResult_GetsASyntheticErrorResult()
    {
        var call = Call("c1");
        var messages = TranscriptContext.Build([TranscriptEvents.Header("s", T, null), Msg("user", "go"), call]);
        Assert.Equal(3, messages.Count);
        var result = Assert.IsType<FunctionResultContent>(Assert.Single(messages[2].Contents));
        Assert.Equal("c1", result.CallId);
    }

    [Fact]
    public void OrphanToolResult_IsDropped()
    {
        var orphan = TranscriptEvents.Message(new JsonObject { ["role"] = "toolResult", ["toolCallId"] = "nope", ["content"] = "x" }, T);
        var messages = TranscriptContext.Build([TranscriptEvents.Header("s", T, null), Msg("user", "a"), orphan]);
        Assert.Single(messages);
    }
}
