using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SharpClaw.Agents.Tools;
using SharpClaw.Agents.Tools.Exec;
using SharpClaw.Agents.Tools.Files;

namespace SharpClaw.Agents.Tests.Tools;

/// <summary>
/// A table of hostile tool inputs — path traversal variants, symlink/hard-link/FIFO escapes, allowlist bypass
/// strings, environment injection (OpenClaw's dangerous names), process I/O on processes the session does not own,
/// and oversized inputs. Each must be refused with a message that says why, and must leave no trace (no file
/// outside the workspace, no command run). Races (a directory swapped for a symlink mid-call) are in
/// <see cref="FileToolRaceTests"/>; every dangerous environment name in <see cref="ExecEnvironmentTableTests"/>.
/// </summary>
public sealed class AdversarialInputTests : ToolTestBase
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        // tool, arguments (OUT = the outside dir, WS = the workspace), expected fragment of the refusal
        { "read", """{"path":"../outside/secret.txt"}""", "escapes workspace root" },
        { "read", """{"path":"../../etc/passwd"}""", "escapes workspace root" },
        { "read", """{"path":"a/../../outside/secret.txt"}""", "escapes workspace root" },
        { "read", """{"path":"./../outside/secret.txt"}""", "escapes workspace root" },
        { "read", """{"path":"..//outside//secret.txt"}""", "escapes workspace root" },
        { "read", """{"path":"OUT/secret.txt"}""", "escapes workspace root" },
        { "read", """{"path":"/etc/passwd"}""", "escapes workspace root" },
        { "read", """{"path":"~/.ssh/id_rsa"}""", "home-relative" },
        { "read", """{"path":"~root/.bashrc"}""", "home-relative" },
        { "read", """{"path":"a\u0000b"}""", "control characters" },
        { "read", """{"path":"line\nbreak"}""", "control characters" },
        { "read", """{"path":"link-out/secret.txt"}""", "Symlink escapes workspace root" },
        { "read", """{"path":"file-link"}""", "Symlink escapes workspace root" },
        { "read", """{"path":"chain-link"}""", "Symlink escapes workspace root" },
        { "read", """{"path":"fifo"}""", "Not a regular file" },
        { "read", """{"path":"hardlink.txt"}""", "Hardlinked path" },
        { "read", """{"path":"fifo-link"}""", "Not a regular file" },
        { "read", """{"path":"dev-link"}""", "Symlink escapes workspace root" },
        { "write", """{"path":"../outside/new.txt","content":"x"}""", "escapes workspace root" },
        { "write", """{"path":"link-out/new.txt","content":"x"}""", "Symlink escapes workspace root" },
        { "write", """{"path":"OUT/new.txt","content":"x"}""", "escapes workspace root" },
        { "edit", """{"path":"file-link","old_text":"TOP","new_text":"x"}""", "Symlink escapes workspace root" },
        { "apply_patch", """{"input":"*** Begin Patch\n*** Add File: ../outside/p.txt\n+x\n*** End Patch"}""", "escapes workspace root" },
        { "apply_patch", """{"patch":"--- a/../outside/secret.txt\n+++ b/../outside/secret.txt\n@@ -1 +1 @@\n-TOP SECRET\n+pwned\n"}""", "escapes workspace root" },
        { "apply_patch", """{"input":"*** Begin Patch\n*** Update File: ok.txt\n*** Move to: ../outside/moved.txt\n@@\n-ok\n+x\n*** End Patch"}""", "escapes workspace root" },
        { "apply_patch", """{"input":"*** Begin Patch\n*** Delete File: /etc/hostname\n*** End Patch"}""", "escapes workspace root" },
        { "apply_patch", """{"input":"*** Begin Patch\n*** Add File: link-out/p.txt\n+x\n*** End Patch"}""", "Symlink escapes workspace root" },
        { "exec", """{"command":"echo $(id)"}""", "command substitution" },
        { "exec", """{"command":"echo `id`"}""", "backticks" },
        { "exec", """{"command":"echo \"`id`\""}""", "backticks" },
        { "exec", """{"command":"echo \"$HOME\""}""", "$ expansion" },
        { "exec", """{"command":"wc -l; id"}""", "chaining with ;" },
        { "exec", """{"command":"wc -l && id"}""", "&&" },
        { "exec", """{"command":"wc -l || id"}""", "||" },
        { "exec", """{"command":"head -n 1 | sh"}""", "pipes" },
        { "exec", """{"command":"wc -l > /tmp/x"}""", "redirections" },
        { "exec", """{"command":"wc -l < /etc/passwd"}""", "redirections" },
        { "exec", """{"command":"wc <<EOF"}""", "heredocs" },
        { "exec", """{"command":"wc -l\nid"}""", "newlines" },
        { "exec", """{"command":"wc -l \\\nid"}""", "continuations" },
        { "exec", """{"command":"env -S 'sh -c id'"}""", "env -S" },
        { "exec", """{"command":"env --split-string='id'"}""", "env -S" },
        { "exec", """{"command":"sh -c 'id'"}""", "is a shell" },
        { "exec", """{"command":"/bin/bash -c id"}""", "is a shell" },
        { "exec", """{"command":"python3 -c 'import os'"}""", "interpreter" },
        { "exec", """{"command":"node -e 1"}""", "interpreter" },
        { "exec", """{"command":"FOO=1 wc"}""", "environment assignments" },
        { "exec", """{"command":"head *"}""", "glob" },
        { "exec", """{"command":"head /etc/passwd"}""", "file operands" },
        { "exec", """{"command":"sort -o /tmp/out"}""", "unknown option" },
        { "exec", """{"command":"sort --compress-prog=sh"}""", "unknown or abbreviated option" },
        { "exec", """{"command":"jq -n env"}""", "'env' is not allowed" },
        { "exec", """{"command":"wc\u200B -l"}""", "invisible" },
        { "exec", """{"command":"ｗｃ -l"}""", "invisible" },
        { "exec", """{"command":"xargs id"}""", "runs another command" },
        { "exec", """{"command":"(id)"}""", "subshells" },
        { "exec", """{"command":"id &"}""", "background" },
        { "exec", """{"command":"wc","env":{"LD_PRELOAD":"/tmp/evil.so"}}""", "Security Violation" },
        { "exec", """{"command":"wc","env":{"NODE_OPTIONS":"--require /tmp/x"}}""", "Security Violation" },
        { "exec", """{"command":"wc","env":{"BASH_ENV":"/tmp/x"}}""", "Security Violation" },
        { "exec", """{"command":"wc","env":{"PATH":"/tmp"}}""", "PATH" },
        { "exec", """{"command":"wc","env":{"DYLD_INSERT_LIBRARIES":"x"}}""", "Security Violation" },
        { "exec", """{"command":"wc","env":{"BASH_FUNC_ls%%":"() { id; }"}}""", "Security Violation" },
        { "exec", """{"command":"wc","env":{"BAD KEY":"x"}}""", "non-portable" },
        { "exec", """{"command":"wc","env":{"GLIBC_TUNABLES":"glibc.rtld.x=1"}}""", "'GLIBC_TUNABLES' is forbidden" },
        { "exec", """{"command":"wc","env":{"GIT_EXTERNAL_DIFF":"/tmp/x"}}""", "'GIT_EXTERNAL_DIFF' is forbidden" },
        { "exec", """{"command":"wc","env":{"ld_audit":"/tmp/x.so"}}""", "'ld_audit' is forbidden" },
        { "exec", """{"command":"wc","env":{"HTTPS_PROXY":"http://127.0.0.1:1"}}""", "'HTTPS_PROXY' is forbidden" },
        { "exec", """{"command":"wc","env":{"TF_VAR_token":"x"}}""", "'TF_VAR_token' is forbidden" },
        { "exec", """{"command":"wc","env":{"OPENCLAW_SHELL":"plain"}}""", "'OPENCLAW_SHELL' is forbidden" },
        { "exec", """{"command":"wc","cwd":"../outside"}""", "escapes workspace root" },
        { "process", """{"action":"write","pid":1,"data":"id\n"}""", "No process 1 owned by this session" },
        { "process", """{"action":"poll","pid":1}""", "No process 1 owned by this session" },
        { "process", """{"action":"poll","pid":1,"timeout":86400000}""", "timeout must be between" },
        { "exec", """{"command":"wc","timeout_ms":-5}""", "timeout_ms must be between" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HostileInputIsRefusedWithAClearMessage(string toolName, string argsJson, string expected)
    {
        Arrange();
        var broker = new FakeBroker("deny");
        using var approvals = new ExecApprovalsFile(Root, new FakeTimeProvider());
        using var processes = new BackgroundProcesses(TimeProvider.System);
        IAgentTool tool = toolName switch
        {
            "read" => new ReadTool(() => null),
            "write" => new WriteTool(() => null),
            "edit" => new EditTool(() => null),
            "apply_patch" => new ApplyPatchTool(() => null),
            "process" => new ProcessTool(new ExecAuthorizer(() => null, approvals, broker), processes),
            _ => new ExecTool(new ExecAuthorizer(() => (JsonObject)JsonNode.Parse("""{"tools":{"exec":{"ask":"off"}}}""")!, approvals, broker), TimeProvider.System),
        };
        var result = await CallAsync(tool, argsJson.Replace("OUT", Outside, StringComparison.Ordinal));
        Assert.True(result.IsError, $"{toolName} {argsJson} was not refused: {result.Text}");
        Assert.Contains(expected, result.Text, StringComparison.Ordinal);
        Assert.Empty(broker.Requests);
        Assert.Equal(["secret.txt"], Directory.GetFiles(Outside).Select(Path.GetFileName));
        Assert.Equal("TOP SECRET\n", await File.ReadAllTextAsync(Path.Combine(Outside, "secret.txt"), TestContext.Current.CancellationToken));
        Assert.False(File.Exists("/tmp/out"));
    }

    [Fact]
    public void TheTableHasAtLeastFortyCases() => Assert.True(Cases().Count >= 40);

    [Fact]
    public void ApprovalDisplayEscapesInvisibleAndLookAlikeCharacters()
    {
        Assert.Equal(@"rm\u{200B} -rf", ApprovalText.Escape("rm\u200B -rf"));
        Assert.Equal(@"ls\u{3164}x", ApprovalText.Escape("ls\u3164x"));
        Assert.Equal(@"\u{FF57}c", ApprovalText.Escape("ｗc"));
        Assert.Equal(@"a\u{202E}b", ApprovalText.Escape("a\u202Eb"));
        Assert.Equal(@"echo \\u{200B}", ApprovalText.Escape(@"echo \u{200B}"));
        Assert.Equal("ls -la", ApprovalText.Escape("ls -la"));
    }

    private void Arrange()
    {
        File.WriteAllText(Path.Combine(Workspace, "ok.txt"), "ok\n");
        File.CreateSymbolicLink(Path.Combine(Workspace, "link-out"), Outside);
        File.CreateSymbolicLink(Path.Combine(Workspace, "file-link"), Path.Combine(Outside, "secret.txt"));
        File.CreateSymbolicLink(Path.Combine(Workspace, "inner"), Path.Combine(Workspace, "file-link"));
        File.CreateSymbolicLink(Path.Combine(Workspace, "chain-link"), Path.Combine(Workspace, "inner"));
        File.CreateSymbolicLink(Path.Combine(Workspace, "dev-link"), "/dev/zero");
        Run("mkfifo", Path.Combine(Workspace, "fifo"));
        File.CreateSymbolicLink(Path.Combine(Workspace, "fifo-link"), Path.Combine(Workspace, "fifo"));
        Run("ln", Path.Combine(Outside, "secret.txt"), Path.Combine(Workspace, "hardlink.txt"));
    }

    private static void Run(string file, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo(file);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = System.Diagnostics.Process.Start(psi)!;
        p.WaitForExit();
    }
}
