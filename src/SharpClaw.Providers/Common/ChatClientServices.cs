using Microsoft.Extensions.AI;

namespace SharpClaw.Providers.Common;

/// <summary>The <see cref="IChatClient.GetService"/> answer shared by the hand-written clients: metadata or the client itself.</summary>
internal static class ChatClientServices
{
    public static object? Resolve(IChatClient client, ChatClientMetadata metadata, Type serviceType, object? serviceKey)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return metadata;
        }

        return serviceType.IsInstanceOfType(client) ? client : null;
    }
}
