using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace SharpClaw.Providers.Common;

/// <summary>
/// Adapter-specific request/response shaping around an SDK client: translates SharpClaw options (thinking level)
/// into the wire form, normalises usage, and lets an adapter post-process stream updates.
/// </summary>
internal sealed class RequestShapingChatClient : DelegatingChatClient
{
    private readonly Func<ChatOptions?, ChatOptions?> _shapeOptions;
    private readonly Func<ChatResponseUpdate, ChatResponseUpdate>? _onUpdate;

    public RequestShapingChatClient(IChatClient inner, Func<ChatOptions?, ChatOptions?> shapeOptions, Func<ChatResponseUpdate, ChatResponseUpdate>? onUpdate = null)
        : base(inner)
    {
        _shapeOptions = shapeOptions;
        _onUpdate = onUpdate;
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, _shapeOptions(options), cancellationToken);
        if (response.Usage is { } usage)
        {
            response.Usage = UsageNormalizer.Normalize(usage);
        }

        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var update in base.GetStreamingResponseAsync(messages, _shapeOptions(options), cancellationToken))
        {
            var shaped = UsageNormalizer.Normalize(update);
            yield return _onUpdate is null ? shaped : _onUpdate(shaped);
        }
    }
}
