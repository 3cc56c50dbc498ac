using System.Text.Json.Nodes;
using SharpClaw.Agents.Tools.Files;

namespace SharpClaw.Agents.Tests.Tools;

public sealed class FileToolTests : ToolTestBase
{
    private static JsonObject? NoConfig() => null;

    [Fact]
    public async Task ReadReturnsLineRangesWithContinuationNotice()
    {
        await File.WriteAllLinesAsync(Path.Combine(Workspace, "a.txt"), Enumerable.Range(1, 10).Select(i => $"line {i}"), TestContext.Current.CancellationToken);
        var r = await CallAsync(new ReadTool(NoConfig), """{"path":"a.txt","offset":3,"limit":2}""");
        Assert.False(r.IsError, r.Text);
        Assert.StartsWith("line 3\nline 4\n", r.Text, StringComparison.Ordinal);
        Assert.Contains("[Showing lines 3-4 of 10. Use offset=5 to continue.]", r.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadTruncatesHugeOutput()
    {
        await File.WriteAllLinesAsync(Path.Combine(Workspace, "big.txt"), Enumerable.Range(1, 5000).Select(i => new string('x', 100)), TestContext.Current.CancellationToken);
        var r = await CallAsync(new ReadTool(NoConfig), """{"path":"big.txt"}""");
        Assert.True(r.Text.Length <= FileToolSettings.MaxReadOutputChars + 200);
        Assert.Contains("Use offset=", r.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadRefusesMissingBinaryAndBadOffset()
    {
        Assert.Contains("File not found", (await CallAsync(new ReadTool(NoConfig), """{"path":"nope.txt"}""")).Text, StringComparison.Ordinal);
        await File.WriteAllBytesAsync(Path.Combine(Workspace, "bin"), [1, 0, 2], TestContext.Current.CancellationToken);
        Assert.Contains("binary", (await CallAsync(new ReadTool(NoConfig), """{"path":"bin"}""")).Text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(Workspace, "s.txt"), "one\n", TestContext.Current.CancellationToken);
        Assert.Contains("beyond the end", (await CallAsync(new ReadTool(NoConfig), """{"path":"s.txt","offset":9}""")).Text, StringComparison.Ordinal);
        Assert.Contains("path is required", (await CallAsync(new ReadTool(NoConfig), "{}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteCreatesParentsAndOverwrites()
    {
        var r = await CallAsync(new WriteTool(NoConfig), """{"path":"dir/sub/f.txt","content":"hello"}""");
        Assert.False(r.IsError, r.Text);
        Assert.Equal("hello", await File.ReadAllTextAsync(Path.Combine(Workspace, "dir/sub/f.txt"), TestContext.Current.CancellationToken));
        await CallAsync(new WriteTool(NoConfig), """{"path":"dir/sub/f.txt","content":"bye"}""");
        Assert.Equal("bye", await File.ReadAllTextAsync(Path.Combine(Workspace, "dir/sub/f.txt"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task WriteRefusesOversizedContentAndDirectories()
    {
        var big = new string('a', FileToolSettings.MaxWriteChars + 1);
        Assert.Contains("at most", (await CallAsync(new WriteTool(NoConfig), $$"""{"path":"x","content":{{Q(big)}}}""")).Text, StringComparison.Ordinal);
        Directory.CreateDirectory(Path.Combine(Workspace, "d"));
        Assert.Contains("is a directory", (await CallAsync(new WriteTool(NoConfig), """{"path":"d","content":"x"}""")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditReplacesUniqueTextAndRefusesNoneOrSeveral()
    {
        var f = Path.Combine(Workspace, "e.txt");
        await File.WriteAllTextAsync(f, "alpha\nbeta\nbeta\n", TestContext.Current.CancellationToken);
        var tool = new EditTool(NoConfig);
        Assert.Contains("Found 2 occurrences", (await CallAsync(tool, """{"path":"e.txt","old_text":"beta","new_text":"x"}""")).Text, StringComparison.Ordinal);
        Assert.Contains("Could not find the exact text", (await CallAsync(tool, """{"path":"e.txt","old_text":"gamma","new_text":"x"}""")).Text, StringComparison.Ordinal);
        Assert.Contains("identical", (await CallAsync(tool, """{"path":"e.txt","old_text":"alpha","new_text":"alpha"}""")).Text, StringComparison.Ordinal);
        var ok = await CallAsync(tool, """{"path":"e.txt","old_text":"alpha\nbeta","new_text":"ALPHA\nbeta"}""");
        Assert.False(ok.IsError, ok.Text);
        Assert.Equal("ALPHA\nbeta\nbeta\n", await File.ReadAllTextAsync(f, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ApplyPatchUnifiedDiffWithHeaders()
    {
        await File.WriteAllTextAsync(Path.Combine(Workspace, "u.txt"), "a\nb\nc\n", TestContext.Current.CancellationToken);
        const string diff = "--- a/u.txt\n+++ b/u.txt\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n--- /dev/null\n+++ b/new.txt\n@@ -0,0 +1,2 @@\n+x\n+y\n";
        var r = await CallAsync(new ApplyPatchTool(NoConfig), $$"""{"patch":{{Q(diff)}}}""");
        Assert.False(r.IsError, r.Text);
        Assert.Equal("a\nB\nc\n", await File.ReadAllTextAsync(Path.Combine(Workspace, "u.txt"), TestContext.Current.CancellationToken));
        Assert.Equal("x\ny\n", await File.ReadAllTextAsync(Path.Combine(Workspace, "new.txt"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ApplyPatchBareHunksUsePath()
    {
        await File.WriteAllTextAsync(Path.Combine(Workspace, "p.txt"), "one\ntwo\n", TestContext.Current.CancellationToken);
        var r = await CallAsync(new ApplyPatchTool(NoConfig), $$"""{"path":"p.txt","patch":{{Q("@@ -1,2 +1,2 @@\n one\n-two\n+2\n")}}}""");
        Assert.False(r.IsError, r.Text);
        Assert.Equal("one\n2\n", await File.ReadAllTextAsync(Path.Combine(Workspace, "p.txt"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ApplyPatchOpenClawFormAddUpdateDeleteMove()
    {
        await File.WriteAllTextAsync(Path.Combine(Workspace, "m.txt"), "def f():\n    return 1\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(Workspace, "gone.txt"), "bye\n", TestContext.Current.CancellationToken);
        const string patch = "*** Begin Patch\n*** Add File: added.txt\n+hi\n*** Update File: m.txt\n*** Move to: moved.txt\n@@ def f():\n-    return 1\n+    return 2\n*** Delete File: gone.txt\n*** End Patch";
        var r = await CallAsync(new ApplyPatchTool(NoConfig), $$"""{"input":{{Q(patch)}}}""");
        Assert.False(r.IsError, r.Text);
        Assert.Contains("A added.txt", r.Text, StringComparison.Ordinal);
        Assert.Equal("def f():\n    return 2\n", await File.ReadAllTextAsync(Path.Combine(Workspace, "moved.txt"), TestContext.Current.CancellationToken));
        Assert.False(File.Exists(Path.Combine(Workspace, "m.txt")));
        Assert.False(File.Exists(Path.Combine(Workspace, "gone.txt")));
    }

    [Fact]
    public async Task ApplyPatchIsAllOrNothing()
    {
        await File.WriteAllTextAsync(Path.Combine(Workspace, "one.txt"), "1\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(Workspace, "two.txt"), "2\n", TestContext.Current.CancellationToken);
        const string patch = "*** Begin Patch\n*** Update File: one.txt\n@@\n-1\n+ONE\n*** Update File: two.txt\n@@\n-nomatch\n+TWO\n*** End Patch";
        var r = await CallAsync(new ApplyPatchTool(NoConfig), $$"""{"input":{{Q(patch)}}}""");
        Assert.True(r.IsError);
        Assert.Contains("nothing was changed", r.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("1\n", await File.ReadAllTextAsync(Path.Combine(Workspace, "one.txt"), TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("", "Provide a patch input")]
    [InlineData("*** Begin Patch\n*** Frobnicate: x\n*** End Patch", "is not a valid hunk header")]
    [InlineData("*** Begin Patch\n*** Add File: a\n+x", "must be '*** End Patch'")]
    [InlineData("*** Begin Patch\n*** Update File: a.txt\n*** End Patch", "is empty")]
    [InlineData("just some text", "No files were modified")]
    public async Task ApplyPatchRefusesMalformedPatches(string patch, string expected)
    {
        var r = await CallAsync(new ApplyPatchTool(NoConfig), patch.Length == 0 ? "{}" : $$"""{"input":{{Q(patch)}}}""");
        Assert.True(r.IsError);
        Assert.Contains(expected, r.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkspaceOnlyFalseAllowsOutsidePathsExceptForApplyPatch()
    {
        JsonObject Open() => (JsonObject)JsonNode.Parse("""{"tools":{"fs":{"workspaceOnly":false}}}""")!;
        var r = await CallAsync(new ReadTool(Open), $$"""{"path":{{Q(Path.Combine(Outside, "secret.txt"))}}}""");
        Assert.Contains("TOP SECRET", r.Text, StringComparison.Ordinal);
        var p = await CallAsync(new ApplyPatchTool(Open), $$"""{"input":{{Q("*** Begin Patch\n*** Add File: ../outside/x.txt\n+x\n*** End Patch")}}}""");
        Assert.True(p.IsError);
        Assert.Contains("escapes workspace root", p.Text, StringComparison.Ordinal);
    }
}
