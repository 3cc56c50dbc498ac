using System.Collections.Concurrent;

namespace SharpClaw.Agents.Workspace;

/// <summary>
/// The assembled part of the system prompt before the runtime facts, per workspace, reused while its inputs
/// (tools, extra prompt, bootstrap file contents) are unchanged. Bounded; cleared when full.
/// </summary>
internal static class SystemPromptHeads
{
    private const int Capacity = 256;
    private static readonly ConcurrentDictionary<(string Workspace, bool Subagent), Entry> Entries = new();

    public static string GetOrBuild(SystemPromptContext ctx, string?[] files, Func<SystemPromptContext, string?[], string> build)
    {
        var key = (ctx.Workspace, ctx.Subagent);
        if (Entries.TryGetValue(key, out var hit) && hit.Matches(ctx, files))
        {
            return hit.Head;
        }

        var head = build(ctx, files);
        if (Entries.Count >= Capacity)
        {
            Entries.Clear();
        }

        Entries[key] = new Entry([.. ctx.Tools], ctx.ExtraSystemPrompt, files, head);
        return head;
    }

    private sealed record Entry((string Name, string Description)[] Tools, string? Extra, string?[] Files, string Head)
    {
        public bool Matches(SystemPromptContext ctx, string?[] files)
        {
            if (!string.Equals(Extra, ctx.ExtraSystemPrompt, StringComparison.Ordinal) || Tools.Length != ctx.Tools.Count || Files.Length != files.Length)
            {
                return false;
            }

            for (var i = 0; i < Tools.Length; i++)
            {
                if (!string.Equals(Tools[i].Name, ctx.Tools[i].Name, StringComparison.Ordinal) || !string.Equals(Tools[i].Description, ctx.Tools[i].Description, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            for (var i = 0; i < Files.Length; i++)
            {
                if (!string.Equals(Files[i], files[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
