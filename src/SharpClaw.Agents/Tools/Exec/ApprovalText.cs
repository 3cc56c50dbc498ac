using System.Globalization;
using System.Text;

namespace SharpClaw.Agents.Tools.Exec;

/// <summary>
/// How a command is shown for approval: every invisible, format, control, non-ASCII space, Hangul filler and
/// fullwidth character becomes a visible <c>\u{XXXX}</c> escape (and a literal <c>\u{</c> is escaped too, so the
/// display is unambiguous). Never truncated: the operator approves exactly what runs.
/// </summary>
public static class ApprovalText
{
    public static string Escape(string command)
    {
        var sb = new StringBuilder(command.Length);
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (c == '\\' && i + 2 < command.Length && command[i + 1] == 'u' && command[i + 2] == '{')
            {
                sb.Append(@"\\");
                continue;
            }

            int cp = c;
            if (char.IsHighSurrogate(c) && i + 1 < command.Length && char.IsLowSurrogate(command[i + 1]))
            {
                cp = char.ConvertToUtf32(c, command[i + 1]);
                if (IsSuspicious(cp))
                {
                    sb.Append(CultureInfo.InvariantCulture, $"\\u{{{cp:X4}}}");
                }
                else
                {
                    sb.Append(c).Append(command[i + 1]);
                }

                i++;
                continue;
            }

            if (c == ' ' || c == '\t' || !IsSuspicious(cp))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{{{cp:X4}}}");
            }
        }

        return sb.ToString();
    }

    public static bool HasHiddenCharacters(string command) => Escape(command) != command;

    private static bool IsSuspicious(int cp)
    {
        if (cp is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 || cp is >= 0xFF00 and <= 0xFFEF || cp is >= 0xE000 and <= 0xF8FF || cp >= 0xF0000)
        {
            return true;
        }

        if (cp < 0x10000 && char.IsSurrogate((char)cp))
        {
            return true;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(cp);
        return category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;
    }
}
