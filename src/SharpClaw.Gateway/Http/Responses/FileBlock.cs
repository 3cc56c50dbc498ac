using System.Security.Cryptography;

namespace SharpClaw.Gateway.Http.Responses;

/// <summary>
/// An <c>input_file</c> as a system-prompt block: <c>&lt;file name="…"&gt;</c> (attribute-escaped) around the text
/// fenced as untrusted external content, with <c>&lt;file</c> / <c>&lt;/file&gt;</c> inside escaped so a file cannot
/// close or forge a block.
/// </summary>
internal static class FileBlock
{
    /// <summary>The whole block of a PDF with no text whose pages were attached as images.</summary>
    public const string RenderedToImages = "[PDF content rendered to images]";

    /// <summary>The whole block of a PDF with no text when no page renderer (pdftoppm) is installed.</summary>
    public const string NotRendered = "[PDF has no extractable text and its pages could not be rendered to images]";

    public static string Render(string? fileName, string text)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var safe = text.Replace("</file>", "&lt;/file&gt;", StringComparison.OrdinalIgnoreCase).Replace("<file", "&lt;file", StringComparison.OrdinalIgnoreCase);
        return $"<file name=\"{Attribute(fileName ?? "file")}\">\n\n<<<EXTERNAL_UNTRUSTED_CONTENT id=\"{id}\">>>\nSource: External\n---\n{safe}\n<<<END_EXTERNAL_UNTRUSTED_CONTENT id=\"{id}\">>>\n</file>";
    }

    /// <summary><c>&lt;file name="…"&gt;marker&lt;/file&gt;</c> on one line, for a gateway-written marker (not file content).</summary>
    public static string Placeholder(string? fileName, string marker) => $"<file name=\"{Attribute(fileName ?? "file")}\">{marker}</file>";

    private static string Attribute(string value)
        => value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' ');
}
