using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using SharpClaw.Agents.Runs;
using SharpClaw.Agents.Sessions;
using static SharpClaw.Agents.Tests.Runs.TranscriptFixtures;

namespace SharpClaw.Agents.Tests.Runs;

/// <summary>The incremental context must always equal a full <see cref="TranscriptContext.Build"/> of the same events.</summary>
public sealed class IncrementalContextTests
{
    private static string Render(IEnumerable<ChatMessage> messages) => string.Join(" | ", messages.Select(m => m.Role + ":" + string.Join(",", m.Contents.Select(c => c switch
    {
        TextContent t => "text=" + t.Text,
        FunctionCallContent f => "call=" + f.CallId,
        FunctionResultContent r => "result=" + r.CallId + "/" + r.Result,
        _ => c.GetType().Name,
    }))));

    /// <summary>Feeds the events one at a time and compares with a full build after every step.</summary>
    private static void AssertEquivalentAtEveryStep(IReadOnlyList<JsonObject> all)
    {
        var context = new IncrementalContext();
        for (var n = 1; n <= all.Count; n++)
        {
            var prefix = all.Take(n).ToList();
            Assert.Equal(Render(TranscriptContext.Build(prefix)), Render(context.For(prefix)));
        }
    }

    [Fact]
    public void PlainConversation_MatchesFullBuild()
        => AssertEquivalentAtEveryStep([TranscriptEvents.Header("s", T, null), Msg("user", "a"), Msg("assistant", "b"), Msg("user", "c"), Msg("assistant", "d")]);

    [Fact]
    public void ToolLoops_UnansweredAndOrphanedResults_MatchFullBuild()
        => AssertEquivalentAtEveryStep([TranscriptEvents.Header("s", T, null), Msg("user", "go"), Call("c1"), Result("c1"), Msg("assistant", "done"), Msg("user", "again"), Call("c2"), Msg("user", "interrupted"), Result("zz"), Call("c3"), Result("c3"), Result("c2")]);

    [Fact]
    public void ResetAndCompaction_RebuildFromTheBoundary()
    {
        var kept = Msg("user", "recent");
        AssertEquivalentAtEveryStep([TranscriptEvents.Header("s", T, null), Msg("user", "old"), Call("c1"), TranscriptEvents.Reset("daily", T), Msg("user", "new"), kept, Msg("assistant", "ans"), TranscriptEvents.Compaction("SUM", (string)kept["id"]!, 100, 10, T), Msg("user", "after")]);
    }

    [Fact]
    public void ATranscriptThatNoLongerExtendsTheLastOne_IsRebuilt()
    {
        var context = new IncrementalContext();
        var first = new List<JsonObject> { TranscriptEvents.Header("s", T, null), Msg("user", "one"), Msg("assistant", "two") };
        Assert.Equal(2, context.For(first).Count);
        var other = new List<JsonObject> { TranscriptEvents.Header("s", T, null), Msg("user", "x"), Msg("assistant", "y"), Msg("user", "z") };
        Assert.Equal(Render(TranscriptContext.Build(other)), Render(context.For(other)));
        Assert.Equal(Render(TranscriptContext.Build(first)), Render(context.For(first)));
    }

    [Fact]
    public void ReturnedList_IsTheCallersToExtend()
    {
        var context = new IncrementalContext();
        var events = new List<JsonObject> { TranscriptEvents.Header("s", T, null), Msg("user", "one") };
        context.For(events).Add(new ChatMessage(ChatRole.User, "scribble"));
        Assert.Single(context.For(events));
    }
}
