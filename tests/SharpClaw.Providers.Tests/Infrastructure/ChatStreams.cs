using System.Text.Json;
using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Providers.Tests.Infrastructure;

/// <summary>Helpers to drive an adapter's stream and inspect what came out.</summary>
internal static class ChatStreams
{
    public static IList<ChatMessage> Hello() => [new ChatMessage(ChatRole.User, "Hello?")];

    public static ChatOptions Thinking(string level) => new() { AdditionalProperties = new() { [ProviderOptionKeys.Thinking] = level } };

    public static AIFunctionDeclaration WeatherTool() => AIFunctionFactory.CreateDeclaration(
        "get_weather",
        "Current weather for a city",
        JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"},"unit":{"type":"string","enum":["celsius","fahrenheit"]}},"required":["city"]}""").RootElement);

    public static async Task<List<ChatResponseUpdate>> CollectAsync(IChatClient client, ChatOptions? options = null, IList<ChatMessage>? messages = null)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(messages ?? Hello(), options, TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        return updates;
    }

    public static async Task<ProviderException> FailureAsync(IChatClient client, ChatOptions? options = null)
        => await Assert.ThrowsAsync<ProviderException>(() => CollectAsync(client, options));

    public static string Text(IEnumerable<ChatResponseUpdate> updates) => string.Concat(updates.Select(u => u.Text));

    public static string Reasoning(IEnumerable<ChatResponseUpdate> updates)
        => string.Concat(updates.SelectMany(u => u.Contents).OfType<TextReasoningContent>().Select(r => r.Text));

    public static TokenUsage Usage(IEnumerable<ChatResponseUpdate> updates)
        => updates.SelectMany(u => u.Contents).OfType<UsageContent>().Aggregate(TokenUsage.Zero, (sum, u) => sum.Add(TokenUsage.From(u.Details)));

    public static ChatFinishReason? Finish(IEnumerable<ChatResponseUpdate> updates) => updates.LastOrDefault(u => u.FinishReason is not null)?.FinishReason;

    public static FunctionCallContent SingleCall(IEnumerable<ChatResponseUpdate> updates)
        => Assert.Single(updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>());

    public static string Arg(FunctionCallContent call, string name) => call.Arguments![name]?.ToString() ?? string.Empty;
}
