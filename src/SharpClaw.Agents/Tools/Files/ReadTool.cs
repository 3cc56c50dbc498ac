using System.Text;
using System.Text.Json.Nodes;

namespace SharpClaw.Agents.Tools.Files;

/// <summary><c>read(path, offset?, limit?)</c>: a text file's lines (1-based offset), with a notice when more remain.</summary>
public sealed class ReadTool(Func<JsonObject?> config) : RefusingTool
{
    public override string Name => "read";

    public override string Description => $"Read a text file in the workspace. offset = first line (1-based), limit = number of lines (default {FileToolSettings.DefaultReadLines}). Long output is truncated with a notice telling you the next offset.";

    public override JsonObject ParametersSchema => Schema(["path"],
        ("path", "string", "file path relative to the workspace"),
        ("offset", "integer", "first line to read, 1-based"),
        ("limit", "integer", "maximum number of lines"));

    protected override async Task<ToolResult> RunAsync(JsonObject args, ToolContext context, CancellationToken ct)
    {
        var guard = FileToolSettings.Guard(config(), context);
        var path = guard.Resolve(ToolArgs.RequiredString(args, "path", "file_path"), PathAccess.Read);
        var display = guard.Display(path);
        var offset = (int)(ToolArgs.Long(args, "offset", 1, int.MaxValue) ?? 1);
        var limit = (int)(ToolArgs.Long(args, "limit", 1, 100_000) ?? FileToolSettings.DefaultReadLines);
        var text = await WorkspaceFile.ReadTextAsync(guard, path, display, ct);
        var lines = text.Split('\n');
        var total = text.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        if (total > 0 && offset > total)
        {
            throw new ToolArgumentException($"offset {offset} is beyond the end of {display} ({total} lines)");
        }

        var output = new StringBuilder();
        var last = offset - 1;
        for (var i = offset - 1; i < total && i < offset - 1 + limit; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (output.Length + line.Length + 1 > FileToolSettings.MaxReadOutputChars)
            {
                if (i == offset - 1)
                {
                    output.Append(line.AsSpan(0, FileToolSettings.MaxReadOutputChars)).Append('\n');
                    last = i + 1;
                }

                break;
            }

            output.Append(line).Append('\n');
            last = i + 1;
        }

        if (last < total)
        {
            output.Append($"\n[Showing lines {offset}-{last} of {total}. Use offset={last + 1} to continue.]");
        }

        return Ok(output.ToString(), new JsonObject { ["path"] = display, ["totalLines"] = total, ["truncated"] = last < total });
    }
}
