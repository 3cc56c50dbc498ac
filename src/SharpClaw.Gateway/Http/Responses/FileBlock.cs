using System.Security.Cryptography;

namespace SharpClaw.Gateway.Http.Responses;

/// <summary>
/// An <c>input_file</c> as a system-prompt block: <c>&lt;file name="…"&gt;</c> (attribute-escaped) around the text
/// fenced as untrusted external content, with <c>&lt;file</c> / <c>&lt;/file&gt;</c> inside escaped so a file cannot
/// close or forge a block.
/// </summary>
internal static class FileBlock
{
    public static string Render(string? fileName, string text)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var safe = text.Replace("</file>", "&lt;/file&gt;", StringComparison.OrdinalIgnoreCase).Replace("<file", "&lt;file", StringComparison.OrdinalIgnoreCase);
        return $"<file name=\"{Attribute(fileName ?? "file")}\">\n\n<<<EXTERNAL_UNTRUSTED_CONTENT id=\"{id}\">>>\nSource: External\n---\n{safe}\n<<<END_EXTERNAL_UNTRUSTED_CONTENT id=\"{id}\">>>\n</file>";
    }

    private static string Attribute(string value)
        => value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' ');
}
