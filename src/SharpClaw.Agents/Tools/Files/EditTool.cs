using System.Text.Json.Nodes;

namespace SharpClaw.Agents.Tools.Files;

/// <summary><c>edit(path, old_text, new_text)</c>: replace exactly one occurrence; fails clearly on none or several.</summary>
public sealed class EditTool(Func<JsonObject?> config) : RefusingTool
{
    public override string Name => "edit";

    public override string Description => "Replace one exact block of text in a file. old_text must match exactly once (including whitespace); add surrounding context to make it unique.";

    public override JsonObject ParametersSchema => Schema(["path", "old_text", "new_text"],
        ("path", "string", "file path relative to the workspace"),
        ("old_text", "string", "exact text to replace (must occur exactly once)"),
        ("new_text", "string", "replacement text"));

    protected override async Task<ToolResult> RunAsync(JsonObject args, ToolContext context, CancellationToken ct)
    {
        var guard = FileToolSettings.Guard(config(), context);
        var path = guard.Resolve(ToolArgs.RequiredString(args, "path", "file_path"), PathAccess.Write);
        var display = guard.Display(path);
        var oldText = ToolArgs.RequiredString(args, "old_text", "oldText");
        var newText = ToolArgs.String(args, "new_text", "newText") ?? throw new ToolArgumentException("new_text is required (a string)");
        if (oldText.Length == 0)
        {
            throw new ToolArgumentException("old_text must not be empty");
        }

        var text = await WorkspaceFile.ReadTextAsync(guard, path, display, ct);
        var crlf = text.Contains("\r\n", StringComparison.Ordinal);
        var normalized = crlf ? text.Replace("\r\n", "\n", StringComparison.Ordinal) : text;
        var needle = oldText.Replace("\r\n", "\n", StringComparison.Ordinal);
        var first = normalized.IndexOf(needle, StringComparison.Ordinal);
        if (first < 0)
        {
            throw new ToolRefusedException($"Could not find the exact text in {display}. The old text must match exactly including all whitespace and newlines.");
        }

        var count = 0;
        for (var i = first; i >= 0; i = normalized.IndexOf(needle, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        if (count > 1)
        {
            throw new ToolRefusedException($"Found {count} occurrences of the text in {display}. The text must be unique. Please provide more context to make it unique.");
        }

        var replacement = newText.Replace("\r\n", "\n", StringComparison.Ordinal);
        var updated = string.Concat(normalized.AsSpan(0, first), replacement, normalized.AsSpan(first + needle.Length));
        if (updated == normalized)
        {
            throw new ToolRefusedException($"No changes made to {display}. The replacement produced identical content.");
        }

        await WorkspaceFile.WriteTextAsync(guard, path, crlf ? updated.Replace("\n", "\r\n", StringComparison.Ordinal) : updated, ct);
        var line = normalized.AsSpan(0, first).Count('\n') + 1;
        return Ok($"Successfully replaced text in {display}.", new JsonObject { ["ok"] = true, ["path"] = display, ["firstChangedLine"] = line });
    }
}
