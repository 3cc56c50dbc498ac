using System.Text.Json.Nodes;
using SharpClaw.Agents.Tools;

namespace SharpClaw.Agents.Tests.Tools;

/// <summary>A temp workspace (and a sibling "outside" dir) plus helpers to call a tool.</summary>
public abstract class ToolTestBase : IDisposable
{
    protected ToolTestBase()
    {
        Root = Directory.CreateTempSubdirectory("sharpclaw-tools-").FullName;
        Workspace = Path.Combine(Root, "ws");
        Outside = Path.Combine(Root, "outside");
        Directory.CreateDirectory(Workspace);
        Directory.CreateDirectory(Outside);
        File.WriteAllText(Path.Combine(Outside, "secret.txt"), "TOP SECRET\n");
    }

    protected string Root { get; }

    protected string Workspace { get; }

    protected string Outside { get; }

    protected ToolContext Context => new("main", "agent:main:main", "run-1", Workspace);

    protected Task<ToolResult> CallAsync(IAgentTool tool, string argsJson)
        => tool.InvokeAsync(new ToolInvocation("call-1", tool.Name, (JsonObject)JsonNode.Parse(argsJson)!, Context), TestContext.Current.CancellationToken);

    /// <summary>A JSON string literal for building argument objects.</summary>
    protected static string Q(string value) => JsonValue.Create(value).ToJsonString();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }

        GC.SuppressFinalize(this);
    }
}
