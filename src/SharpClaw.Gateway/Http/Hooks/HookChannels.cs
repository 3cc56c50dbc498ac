namespace SharpClaw.Gateway.Http.Hooks;

/// <summary>Delivery channels a hook may name (<c>last</c> = wherever the main session last talked).</summary>
internal static class HookChannels
{
    public static readonly IReadOnlyList<string> Known =
        ["whatsapp", "telegram", "discord", "slack", "signal", "imessage", "bluebubbles", "googlechat", "msteams", "matrix", "mattermost", "nostr", "irc", "line", "feishu", "zalo", "webchat"];

    /// <summary>The normalised channel, or null when it is neither <c>last</c> nor a known channel.</summary>
    public static string? Normalize(string? channel)
    {
        var c = (channel ?? "last").Trim().ToLowerInvariant();
        return c == "last" || Known.Contains(c) ? c : null;
    }

    public static string Error => "channel must be last|" + string.Join('|', Known);
}
