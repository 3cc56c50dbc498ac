using System.Text.Json.Nodes;

namespace SharpClaw.Agents.Tools.Messaging;

/// <summary>An outbound channel the <c>message</c> tool can deliver through (built in: <c>webchat</c>).</summary>
public interface IMessageChannel
{
    string Id { get; }

    /// <summary>Delivers text (and an optional media reference) to a recipient; returns at least <c>{delivered}</c>.</summary>
    Task<JsonObject> DeliverAsync(string to, string text, string? media, ToolContext from, CancellationToken cancellationToken);
}
