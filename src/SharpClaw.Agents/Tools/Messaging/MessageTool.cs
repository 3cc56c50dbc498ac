using System.Text.Json.Nodes;
using SharpClaw.Agents.Tools.Files;

namespace SharpClaw.Agents.Tools.Messaging;

/// <summary>
/// <c>message(channel, to, text, media?)</c> → <c>{delivered}</c>. Media is an http(s) URL or a file inside the
/// workspace (no local path outside it is ever attached).
/// </summary>
public sealed class MessageTool(MessageChannels channels) : RefusingTool
{
    public const int MaxTextChars = 20_000;

    public override string Name => "message";

    public override string Description => "Send a message to a recipient on a channel (webchat: to = a session key).";

    public override JsonObject ParametersSchema => Schema(["channel", "to", "text"],
        ("channel", "string", "channel id, e.g. webchat"),
        ("to", "string", "recipient (webchat: session key)"),
        ("text", "string", "message text"),
        ("media", "string", "optional http(s) URL or workspace file to attach"));

    protected override async Task<ToolResult> RunAsync(JsonObject args, ToolContext context, CancellationToken ct)
    {
        var channelId = ToolArgs.RequiredString(args, "channel");
        var to = ToolArgs.RequiredString(args, "to", "target");
        var text = ToolArgs.RequiredString(args, "text", "message");
        if (text.Length > MaxTextChars)
        {
            throw new ToolArgumentException($"text is longer than {MaxTextChars} characters");
        }

        if (!channels.TryGet(channelId, out var channel))
        {
            throw new ToolRefusedException($"unknown channel \"{channelId}\" (available: {string.Join(", ", channels.Ids)})");
        }

        var media = ToolArgs.String(args, "media", "mediaUrl");
        if (media is not null && !(Uri.TryCreate(media, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            var guard = new WorkspaceGuard(context.Workspace, confined: true);
            media = guard.Display(guard.Resolve(media, PathAccess.Read));
        }

        var result = await channel.DeliverAsync(to, text, media, context, ct);
        return Ok(result.ToJsonString(), result);
    }
}
