using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Anthropic;
using SharpClaw.Providers.Ollama;
using SharpClaw.Providers.OpenAI;

namespace SharpClaw.Providers.Registry;

/// <summary>
/// The bundled providers (seed §4.5) in default-selection order. Default-model metadata uses public list prices
/// (USD per million tokens) and limits; config entries with the same model id override them.
/// </summary>
internal static class BuiltInProviders
{
    public const string DefaultOllamaUrl = "http://127.0.0.1:11434";

    public static IReadOnlyList<BuiltInProviderSpec> All { get; } =
    [
        new("anthropic", AnthropicChatClientFactory.Api, "https://api.anthropic.com",
        [
            Model("anthropic", "claude-opus-4-6", "Claude Opus 4.6", AnthropicChatClientFactory.Api, 200_000, 64_000, reasoning: true, image: true, new ModelCost(5m, 25m, 0.5m, 6.25m)),
        ]),
        new("openai", OpenAICompatibleChatClientFactory.Api, "https://api.openai.com/v1",
        [
            Model("openai", "gpt-5-mini", "GPT-5 mini", OpenAICompatibleChatClientFactory.Api, 400_000, 128_000, reasoning: true, image: true, new ModelCost(0.25m, 2m, 0.025m, 0m)),
        ]),
        new("openrouter", OpenAICompatibleChatClientFactory.Api, "https://openrouter.ai/api/v1", []),
        new("xai", OpenAICompatibleChatClientFactory.Api, "https://api.x.ai/v1",
        [
            Model("xai", "grok-4-1-fast", "Grok 4.1 Fast", OpenAICompatibleChatClientFactory.Api, 2_000_000, null, reasoning: true, image: true, new ModelCost(0.2m, 0.5m, 0.05m, 0m)),
        ]),
        new("mistral", OpenAICompatibleChatClientFactory.Api, "https://api.mistral.ai/v1", []),
        new("moonshot", OpenAICompatibleChatClientFactory.Api, "https://api.moonshot.ai/v1", []),
        new("minimax", AnthropicChatClientFactory.Api, "https://api.minimax.io/anthropic",
        [
            Model("minimax", "MiniMax-VL-01", "MiniMax VL 01", AnthropicChatClientFactory.Api, null, null, reasoning: false, image: true, null),
        ]),
        new("vllm", OpenAICompatibleChatClientFactory.Api, null, [])
        {
            ApiKeyRequired = false,
            DiscoverModels = true,
            SetupHint = "set models.providers.vllm.baseUrl (e.g. http://127.0.0.1:8000/v1; VLLM_API_KEY if the server requires a key)",
        },
        new("ollama", OllamaChatClient.Api, DefaultOllamaUrl, [])
        {
            ApiKeyRequired = false,
            AutoDetect = true,
            SetupHint = "run Ollama on 127.0.0.1:11434 (or set models.providers.ollama.baseUrl)",
        },
    ];

    private static ModelDefinition Model(string provider, string id, string name, string api, int? context, int? maxTokens, bool reasoning, bool image, ModelCost? cost)
        => new()
        {
            Ref = new ModelRef(provider, id),
            Name = name,
            Api = api,
            ContextWindow = context,
            MaxOutputTokens = maxTokens,
            Reasoning = reasoning,
            Input = image ? ["text", "image"] : ["text"],
            Cost = cost,
            Source = "default",
        };
}
