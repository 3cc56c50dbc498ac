using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace SharpClaw.Providers.Copilot;

/// <summary>
/// Marks each Copilot chat request with its initiator (<c>user</c> when the conversation ends with a user message,
/// <c>agent</c> after a tool result or assistant turn) and whether it carries images, for <see cref="CopilotAuthHandler"/>.
/// </summary>
internal sealed class CopilotChatClient : DelegatingChatClient
{
    public CopilotChatClient(IChatClient inner)
        : base(inner)
    {
    }

    public static CopilotRequestFlags FlagsFor(IEnumerable<ChatMessage> messages)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var last = list.Count > 0 ? list[^1] : null;
        var fromUser = last is null || (last.Role == ChatRole.User && !last.Contents.OfType<FunctionResultContent>().Any());
        var vision = list.Any(m => m.Contents.OfType<DataContent>().Any(d => d.HasTopLevelMediaType("image")) || m.Contents.OfType<UriContent>().Any(u => u.HasTopLevelMediaType("image")));
        return new CopilotRequestFlags(fromUser ? "user" : "agent", vision);
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        CopilotHeaders.Flags = FlagsFor(list);
        return await base.GetResponseAsync(list, options, cancellationToken);
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        CopilotHeaders.Flags = FlagsFor(list);
        await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken))
        {
            yield return update;
        }
    }
}
