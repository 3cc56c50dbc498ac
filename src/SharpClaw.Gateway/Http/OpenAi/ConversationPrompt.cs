using System.Text;

namespace SharpClaw.Gateway.Http.OpenAi;

/// <summary>
/// Condenses a conversation into one agent message: the current message is the last user/tool entry; earlier
/// entries become a context block (<c>[Chat messages since your last reply - for context]</c>) above
/// <c>[Current message - respond to this]</c>. A single entry is passed as its bare text.
/// </summary>
internal static class ConversationPrompt
{
    public static string Build(IReadOnlyList<ConversationEntry> entries)
    {
        if (entries.Count == 0)
        {
            return string.Empty;
        }

        var current = -1;
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            if (entries[i].Role is "user" or "tool")
            {
                current = i;
                break;
            }
        }

        if (current < 0)
        {
            current = entries.Count - 1;
        }

        if (current == 0)
        {
            return entries[0].Body;
        }

        var sb = new StringBuilder("[Chat messages since your last reply - for context]\n");
        for (var i = 0; i < current; i++)
        {
            sb.Append(entries[i].Sender).Append(": ").Append(entries[i].Body).Append('\n');
        }

        sb.Append("\n[Current message - respond to this]\n").Append(entries[current].Sender).Append(": ").Append(entries[current].Body);
        return sb.ToString();
    }
}
