using System.Globalization;
using System.Net;
using System.Text;
using SharpClaw.Agents.Workspace;

namespace SharpClaw.Gateway.ControlUi;

/// <summary>
/// The avatar of an agent: a local image named by <c>identity.avatar</c> (relative to the workspace, ≤ 2 MiB, no
/// symlinks), the URL itself for http(s)/data avatars, or a generated SVG (emoji or initial on a colour derived
/// from the agent id) so the UI always has something to show.
/// </summary>
internal static class AgentAvatar
{
    public const long MaxBytes = 2 * 1024 * 1024;

    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"];

    public static bool IsValidId(string id) => id.Length is > 0 and <= 64 && IsIdStart(id[0]) && id.All(c => IsIdStart(c) || c is '_' or '-');

    public static bool IsRemote(string? avatar)
        => avatar is not null && (avatar.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || avatar.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || avatar.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase));

    /// <summary>The local image file for the agent, or null.</summary>
    public static string? LocalFile(AgentDefinition agent)
    {
        var avatar = agent.Identity.Avatar;
        if (string.IsNullOrWhiteSpace(avatar) || IsRemote(avatar) || !ImageExtensions.Contains(Path.GetExtension(avatar).ToLowerInvariant()))
        {
            return null;
        }

        var workspace = Path.GetFullPath(agent.Workspace);
        var full = Path.GetFullPath(Path.IsPathRooted(avatar) ? avatar : Path.Combine(workspace, avatar));
        var info = new FileInfo(full);
        if (!info.Exists || info.LinkTarget is not null || info.Length > MaxBytes)
        {
            return null;
        }

        return full;
    }

    public static string GeneratedSvg(AgentDefinition agent)
    {
        var label = agent.Identity.Emoji is { Length: > 0 and <= 16 } emoji ? emoji : Initial(agent.Identity.Name ?? agent.Name ?? agent.Id);
        var hue = 0;
        foreach (var c in agent.Id)
        {
            hue = ((hue * 31) + c) % 360;
        }

        var sb = new StringBuilder();
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\" width=\"64\" height=\"64\">");
        sb.Append(CultureInfo.InvariantCulture, $"<rect width=\"64\" height=\"64\" rx=\"14\" fill=\"hsl({hue},55%,45%)\"/>");
        sb.Append("<text x=\"32\" y=\"42\" font-size=\"30\" text-anchor=\"middle\" fill=\"#fff\" font-family=\"sans-serif\">");
        sb.Append(WebUtility.HtmlEncode(label));
        sb.Append("</text></svg>");
        return sb.ToString();
    }

    private static string Initial(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length == 0 ? "?" : char.ToUpperInvariant(trimmed[0]).ToString();
    }

    private static bool IsIdStart(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
