using System.Text.Json.Nodes;

namespace SharpClaw.Agents.Tools.Files;

/// <summary><c>write(path, content)</c>: create or overwrite a file (parents created, atomic replace).</summary>
public sealed class WriteTool(Func<JsonObject?> config) : RefusingTool
{
    public override string Name => "write";

    public override string Description => "Create or overwrite a file in the workspace with the given content. Parent directories are created.";

    public override JsonObject ParametersSchema => Schema(["path", "content"],
        ("path", "string", "file path relative to the workspace"),
        ("content", "string", "the complete new file content"));

    protected override async Task<ToolResult> RunAsync(JsonObject args, ToolContext context, CancellationToken ct)
    {
        var guard = FileToolSettings.Guard(config(), context);
        var path = guard.Resolve(ToolArgs.RequiredString(args, "path", "file_path"), PathAccess.Write);
        var content = ToolArgs.RequiredString(args, "content");
        if (content.Length > FileToolSettings.MaxWriteChars)
        {
            throw new ToolArgumentException($"content is {content.Length} characters; write accepts at most {FileToolSettings.MaxWriteChars}");
        }

        if (Directory.Exists(path))
        {
            throw new PathRefusedException($"{guard.Display(path)} is a directory; give a file path");
        }

        await WorkspaceFile.WriteTextAsync(guard, path, content, ct);
        var display = guard.Display(path);
        return Ok($"Successfully wrote {content.Length} characters to {display}", new JsonObject { ["ok"] = true, ["path"] = display });
    }
}
