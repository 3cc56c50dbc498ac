using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using MeaiChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace SharpClaw.Providers.OpenAI;

/// <summary>
/// Sits right in front of MEAI's OpenAI client and keeps its conversions instead of redoing them on every call:
/// a message gets its OpenAI form as <see cref="MeaiChatMessage.RawRepresentation"/> (which MEAI sends as is), so a
/// transcript message shared across turns is converted once; tool declarations are converted once per tool and
/// handed over through <see cref="ChatOptions.RawRepresentationFactory"/> with the matching <c>tool_choice</c>.
/// Uses MEAI's own public conversions (<c>AsOpenAIChatMessages</c>, <c>AsOpenAIChatTool</c>), so the wire form is
/// the same as without this client.
/// </summary>
internal sealed class OpenAIConversionCache(IChatClient inner) : DelegatingChatClient(inner)
{
    private static readonly ConditionalWeakTable<AITool, ChatTool> Tools = new();

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<MeaiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => base.GetResponseAsync(Converted(messages, options), WithConvertedTools(options), cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<MeaiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => base.GetStreamingResponseAsync(Converted(messages, options), WithConvertedTools(options), cancellationToken);

    private static IEnumerable<MeaiChatMessage> Converted(IEnumerable<MeaiChatMessage> messages, ChatOptions? options)
    {
        foreach (var message in messages)
        {
            if (message.RawRepresentation is null)
            {
                // Only a one-to-one conversion can live on the message (a tool message with several results
                // becomes several OpenAI messages; those are left to MEAI).
                global::OpenAI.Chat.ChatMessage? single = null;
                var count = 0;
                foreach (var converted in new[] { message }.AsOpenAIChatMessages(options))
                {
                    single = converted;
                    count++;
                }

                if (count == 1)
                {
                    message.RawRepresentation = single;
                }
            }
        }

        return messages;
    }

    private static ChatOptions? WithConvertedTools(ChatOptions? options)
    {
        if (options?.Tools is not { Count: > 0 } tools || !tools.All(t => t is AIFunctionDeclaration))
        {
            return options;
        }

        var converted = new List<ChatTool>(tools.Count);
        foreach (var tool in tools)
        {
            converted.Add(Tools.GetValue(tool, static t => ((AIFunctionDeclaration)t).AsOpenAIChatTool()));
        }

        var mode = options.ToolMode;
        var parallel = options.AllowMultipleToolCalls;
        var previous = options.RawRepresentationFactory;
        var shaped = options.Clone();
        shaped.Tools = null;
        shaped.ToolMode = null;
        shaped.AllowMultipleToolCalls = null;
        shaped.RawRepresentationFactory = client =>
        {
            var raw = previous?.Invoke(client) as ChatCompletionOptions ?? new ChatCompletionOptions();
            foreach (var tool in converted)
            {
                raw.Tools.Add(tool);
            }

            raw.ToolChoice ??= mode switch
            {
                NoneChatToolMode => ChatToolChoice.CreateNoneChoice(),
                RequiredChatToolMode { RequiredFunctionName: { } name } => ChatToolChoice.CreateFunctionChoice(name),
                RequiredChatToolMode => ChatToolChoice.CreateRequiredChoice(),
                _ => ChatToolChoice.CreateAutoChoice(),
            };
            if (parallel is { } allow)
            {
                raw.AllowParallelToolCalls ??= allow;
            }

            return raw;
        };
        return shaped;
    }
}
