using System.Text.Json.Nodes;
using SharpClaw.Agents.Workspace;

namespace SharpClaw.Agents.Tests.Workspace;

public sealed class WorkspaceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sharpclaw-ws-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Bootstrap_CreatesStarterFiles_AndNeverOverwrites()
    {
        File.WriteAllText(Path.Combine(_dir, "SOUL.md"), "mine");
        var created = WorkspaceBootstrap.Ensure(_dir);
        Assert.Contains("AGENTS.md", created);
        Assert.DoesNotContain("SOUL.md", created);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(_dir, "SOUL.md")));
        Assert.Empty(WorkspaceBootstrap.Ensure(_dir));
        foreach (var f in new[] { "AGENTS.md", "SOUL.md", "TOOLS.md", "IDENTITY.md", "USER.md", "HEARTBEAT.md", "MEMORY.md" })
        {
            Assert.True(File.Exists(Path.Combine(_dir, f)), f);
        }
    }

    [Fact]
    public void SystemPrompt_HasFilesRuntimeAndExtra_AndTruncatesLargeFiles()
    {
        WorkspaceBootstrap.Ensure(_dir);
        File.WriteAllText(Path.Combine(_dir, "USER.md"), new string('u', 10_000));
        var prompt = SystemPromptBuilder.Build(new SystemPromptContext
        {
            AgentId = "main",
            SessionKey = "agent:main:main",
            Workspace = _dir,
            Model = "openai/gpt-5-mini",
            Now = DateTimeOffset.Parse("2026-11-24T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            ExtraSystemPrompt = "Answer in French.",
            Channel = "telegram",
            Tools = [("session_status", "Show status")],
        });
        Assert.Contains("## AGENTS.md", prompt, StringComparison.Ordinal);
        Assert.Contains("## SOUL.md", prompt, StringComparison.Ordinal);
        Assert.Contains("[...truncated, read USER.md for full content...]", prompt, StringComparison.Ordinal);
        Assert.Contains("Answer in French.", prompt, StringComparison.Ordinal);
        Assert.Contains("2026-11-24", prompt, StringComparison.Ordinal);
        Assert.Contains("channel=telegram", prompt, StringComparison.Ordinal);
        Assert.Contains("session_status", prompt, StringComparison.Ordinal);
        Assert.True(prompt.Length < 60_000);
    }

    [Fact]
    public void Catalog_HasMainWithoutConfig_AndReadsEntriesAndList()
    {
        var empty = new AgentCatalog(() => null, _dir);
        var main = Assert.Single(empty.List());
        Assert.Equal("main", main.Id);
        Assert.True(main.IsDefault);
        Assert.Equal(Path.Combine(_dir, "workspace"), main.Workspace);

        var config = (JsonObject)JsonNode.Parse("""
            { "agents": {
                "defaults": { "model": { "primary": "anthropic/claude-opus-4-6", "fallbacks": ["openai/gpt-5-mini"] }, "thinkingDefault": "low" },
                "entries": { "ops": { "name": "Ops", "identity": { "emoji": "🛠" }, "model": "openai/gpt-5-mini", "default": true } },
                "list": [ { "id": "Writer", "workspace": "/tmp/writer" } ] } }
            """)!;
        var catalog = new AgentCatalog(() => config, _dir);
        var ops = catalog.Find("ops")!;
        Assert.Equal("openai/gpt-5-mini", ops.Model);
        Assert.Equal(["openai/gpt-5-mini"], ops.Fallbacks);
        Assert.Equal("🛠", ops.Identity.Emoji);
        Assert.True(ops.IsDefault);
        Assert.Equal("/tmp/writer", catalog.Find("writer")!.Workspace);
        Assert.Equal("anthropic/claude-opus-4-6", catalog.Find("main")!.Model);
        Assert.Equal("low", catalog.Find("main")!.ThinkingDefault);
        Assert.Null(catalog.Find("nobody"));

        var listDefault = (JsonObject)JsonNode.Parse("""{ "agents": { "list": [ { "id": "a" }, { "id": "b", "default": true } ] } }""")!;
        Assert.Equal("b", new AgentCatalog(() => listDefault, _dir).DefaultAgent.Id);
    }
}
