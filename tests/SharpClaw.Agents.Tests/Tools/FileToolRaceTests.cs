using SharpClaw.Agents.Tools.Files;

namespace SharpClaw.Agents.Tests.Tools;

/// <summary>
/// Time-of-check/time-of-use: a workspace directory replaced by a symlink to the outside after the guard checked
/// the path (deterministically, and by a background thread racing many tool calls) must never let a file tool
/// read or write outside the workspace.
/// </summary>
public sealed class FileToolRaceTests : ToolTestBase
{
    private string Dir => Path.Combine(Workspace, "dir");

    [Fact]
    public async Task DirectorySwappedForASymlinkAfterTheCheckIsRefused()
    {
        Directory.CreateDirectory(Dir);
        await File.WriteAllTextAsync(Path.Combine(Dir, "secret.txt"), "inside\n", TestContext.Current.CancellationToken);
        var guard = new WorkspaceGuard(Workspace, confined: true);
        var readPath = guard.Resolve("dir/secret.txt", PathAccess.Read);
        var writePath = guard.Resolve("dir/new.txt", PathAccess.Write);
        var deletePath = guard.Resolve("dir/secret.txt", PathAccess.Unlink);
        SwapToSymlink();

        var read = await Assert.ThrowsAsync<PathRefusedException>(() => WorkspaceFile.ReadTextAsync(guard, readPath, "dir/secret.txt", TestContext.Current.CancellationToken));
        Assert.Contains("Symlink escapes workspace root", read.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<PathRefusedException>(() => WorkspaceFile.WriteTextAsync(guard, writePath, "pwned", TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<PathRefusedException>(() => WorkspaceFile.WriteTextAsync(guard, readPath, "pwned", TestContext.Current.CancellationToken));
        Assert.Throws<PathRefusedException>(() => WorkspaceFile.Delete(guard, deletePath));
        AssertOutsideUntouched();
    }

    [Fact]
    public async Task FinalFileSwappedForASymlinkAfterTheCheckIsRefused()
    {
        var file = Path.Combine(Workspace, "note.txt");
        await File.WriteAllTextAsync(file, "inside\n", TestContext.Current.CancellationToken);
        var guard = new WorkspaceGuard(Workspace, confined: true);
        var path = guard.Resolve("note.txt", PathAccess.Read);
        File.Delete(file);
        File.CreateSymbolicLink(file, Path.Combine(Outside, "secret.txt"));

        var read = await Assert.ThrowsAsync<PathRefusedException>(() => WorkspaceFile.ReadTextAsync(guard, path, "note.txt", TestContext.Current.CancellationToken));
        Assert.Contains("Symlink escapes workspace root", read.Message, StringComparison.Ordinal);
        AssertOutsideUntouched();
    }

    [Fact]
    public async Task SymlinksThatStayInsideTheWorkspaceStillWork()
    {
        Directory.CreateDirectory(Path.Combine(Workspace, "real"));
        await File.WriteAllTextAsync(Path.Combine(Workspace, "real", "a.txt"), "alpha\n", TestContext.Current.CancellationToken);
        File.CreateSymbolicLink(Path.Combine(Workspace, "alias"), Path.Combine(Workspace, "real"));
        File.CreateSymbolicLink(Path.Combine(Workspace, "a-link.txt"), Path.Combine(Workspace, "real", "a.txt"));

        Assert.StartsWith("alpha", (await CallAsync(new ReadTool(() => null), """{"path":"alias/a.txt"}""")).Text, StringComparison.Ordinal);
        Assert.StartsWith("alpha", (await CallAsync(new ReadTool(() => null), """{"path":"a-link.txt"}""")).Text, StringComparison.Ordinal);
        var wrote = await CallAsync(new WriteTool(() => null), """{"path":"alias/sub/b.txt","content":"beta"}""");
        Assert.False(wrote.IsError, wrote.Text);
        Assert.Equal("beta", await File.ReadAllTextAsync(Path.Combine(Workspace, "real", "sub", "b.txt"), TestContext.Current.CancellationToken));
        var patched = await CallAsync(new ApplyPatchTool(() => null), """{"input":"*** Begin Patch\n*** Delete File: a-link.txt\n*** End Patch"}""");
        Assert.False(patched.IsError, patched.Text);
        Assert.False(File.Exists(Path.Combine(Workspace, "a-link.txt")) || new FileInfo(Path.Combine(Workspace, "a-link.txt")).LinkTarget is not null);
        Assert.True(File.Exists(Path.Combine(Workspace, "real", "a.txt")), "deleting a symlink must not delete its target");
        File.CreateSymbolicLink(Path.Combine(Workspace, "out-link"), Path.Combine(Outside, "secret.txt"));
        var unlinked = await CallAsync(new ApplyPatchTool(() => null), """{"input":"*** Begin Patch\n*** Delete File: out-link\n*** End Patch"}""");
        Assert.False(unlinked.IsError, unlinked.Text);
        Assert.Null(new FileInfo(Path.Combine(Workspace, "out-link")).LinkTarget);
        AssertOutsideUntouched();
    }

    [Fact]
    public async Task WriteCreatesAMissingWorkspaceRoot()
    {
        Directory.Delete(Workspace, recursive: true);
        var wrote = await CallAsync(new WriteTool(() => null), """{"path":"notes/today.md","content":"hi"}""");
        Assert.False(wrote.IsError, wrote.Text);
        Assert.Equal("hi", await File.ReadAllTextAsync(Path.Combine(Workspace, "notes", "today.md"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RacingSwapsNeverReachOutside()
    {
        Directory.CreateDirectory(Dir);
        await File.WriteAllTextAsync(Path.Combine(Dir, "secret.txt"), "inside\n", TestContext.Current.CancellationToken);
        using var stop = new CancellationTokenSource();
        var swaps = 0;
        var swapper = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                SwapToSymlink();
                Thread.Yield();
                SwapBack();
                Thread.Sleep(swaps % 4);
                swaps++;
            }
        }, TestContext.Current.CancellationToken);

        var read = new ReadTool(() => null);
        var write = new WriteTool(() => null);
        var edit = new EditTool(() => null);
        var insideReads = 0;
        var refusedReads = 0;
        for (var i = 0; i < 3000 && (i < 300 || insideReads < 5 || refusedReads < 5); i++)
        {
            var r = await CallAsync(read, """{"path":"dir/secret.txt"}""");
            Assert.DoesNotContain("TOP SECRET", r.Text, StringComparison.Ordinal);
            insideReads += r.IsError ? 0 : 1;
            refusedReads += r.IsError ? 1 : 0;
            await CallAsync(write, $$"""{"path":"dir/new{{i % 3}}.txt","content":"pwned"}""");
            await CallAsync(write, """{"path":"dir/secret.txt","content":"inside\n"}""");
            await CallAsync(edit, """{"path":"dir/secret.txt","old_text":"inside","new_text":"inside"}""");
        }

        await stop.CancelAsync();
        await swapper;
        Assert.True(swaps > 10, $"the swapper only ran {swaps} times");
        Assert.True(insideReads > 0 && refusedReads > 0, $"{insideReads} reads succeeded and {refusedReads} were refused: the race was not exercised");
        AssertOutsideUntouched();
    }

    private void SwapToSymlink()
    {
        Directory.Move(Dir, Dir + "-real");
        RetryAfterRemovingARecreatedDirectory(() => File.CreateSymbolicLink(Dir, Outside));
    }

    private void SwapBack()
    {
        File.Delete(Dir);
        RetryAfterRemovingARecreatedDirectory(() => Directory.Move(Dir + "-real", Dir));
    }

    /// <summary>A write in the gap may legitimately create <c>dir</c> again (inside the workspace): clear it and retry.</summary>
    private void RetryAfterRemovingARecreatedDirectory(Action step)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                step();
                return;
            }
            catch (IOException) when (attempt < 100)
            {
                try
                {
                    if (Directory.Exists(Dir) && new FileInfo(Dir).LinkTarget is null)
                    {
                        Directory.Delete(Dir, recursive: true);
                    }
                }
                catch (IOException)
                {
                    // The tool is writing into it right now; try again.
                }
            }
        }
    }

    private void AssertOutsideUntouched()
    {
        Assert.Equal(["secret.txt"], Directory.GetFileSystemEntries(Outside).Select(Path.GetFileName));
        Assert.Equal("TOP SECRET\n", File.ReadAllText(Path.Combine(Outside, "secret.txt")));
    }
}
