using Microsoft.Extensions.AI;
using OpenAI.Chat;
using SharpClaw.Providers.Common;

namespace SharpClaw.Providers.OpenAI;

/// <summary>
/// Thinking for <c>openai-completions</c>: the level becomes <c>reasoning_effort</c> (off → omitted, minimal, low,
/// medium, high; xhigh/max collapse to high). Streamed reasoning text arrives as <c>delta.reasoning_content</c>
/// (vLLM, DeepSeek; mapped by MEAI) or <c>delta.reasoning</c> (OpenRouter; mapped here).
/// </summary>
internal static class OpenAIReasoning
{
#pragma warning disable OPENAI001 // reasoning effort is marked experimental in the OpenAI SDK
    public static ChatOptions? ShapeOptions(ChatOptions? options)
    {
        var level = ThinkingOptions.Read(options);
        var shaped = ThinkingOptions.WithoutThinkingKey(options);
        if (level is null or ThinkingLevel.Off || shaped is null)
        {
            return shaped;
        }

        ChatReasoningEffortLevel effort = level switch
        {
            ThinkingLevel.Minimal => ChatReasoningEffortLevel.Minimal,
            ThinkingLevel.Low => ChatReasoningEffortLevel.Low,
            ThinkingLevel.Medium => ChatReasoningEffortLevel.Medium,
            _ => ChatReasoningEffortLevel.High,
        };

        var previous = shaped.RawRepresentationFactory;
        shaped.Reasoning = null;
        shaped.RawRepresentationFactory = client =>
        {
            var raw = previous?.Invoke(client) as ChatCompletionOptions ?? new ChatCompletionOptions();
            raw.ReasoningEffortLevel ??= effort;
            return raw;
        };
        return shaped;
    }
#pragma warning restore OPENAI001

#pragma warning disable SCME0001 // JsonPatch (access to fields the SDK does not model) is experimental
    public static ChatResponseUpdate AddReasoningDelta(ChatResponseUpdate update)
    {
        if (update.RawRepresentation is StreamingChatCompletionUpdate raw
            && !update.Contents.OfType<TextReasoningContent>().Any()
            && raw.Patch.TryGetValue("$.choices[0].delta.reasoning"u8, out string? text)
            && !string.IsNullOrEmpty(text))
        {
            update.Contents.Insert(0, new TextReasoningContent(text));
        }

        return update;
    }
#pragma warning restore SCME0001
}
