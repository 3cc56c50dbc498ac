namespace SharpClaw.Agents.Tools.Messaging;

/// <summary>The channels messages can go out through, by id.</summary>
public sealed class MessageChannels
{
    private readonly Dictionary<string, IMessageChannel> _channels = new(StringComparer.OrdinalIgnoreCase);

    public void Register(IMessageChannel channel) => _channels[channel.Id] = channel;

    public bool TryGet(string id, out IMessageChannel channel) => _channels.TryGetValue(id, out channel!);

    public IEnumerable<string> Ids => _channels.Keys.Order(StringComparer.Ordinal);
}
