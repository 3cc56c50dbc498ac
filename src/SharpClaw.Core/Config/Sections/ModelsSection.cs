using SharpClaw.Core.Config.Schema;
using static SharpClaw.Core.Config.Schema.Schemas;

namespace SharpClaw.Core.Config.Sections;

/// <summary><c>models.*</c>: the provider catalog (custom providers, API keys, model definitions).</summary>
internal static class ModelsSection
{
    public static ObjectSchema Build() => Open("model providers and the model catalog",
        ("mode", Enum("merge config providers into the built-in catalog, or replace it", ["merge", "replace"], "merge")),
        ("providers", Map(Provider(), "providers by id")),
        ("catalogRefresh", Open(null, ("enabled", Bool(null, true)), ("url", Str()))),
        ("bedrockDiscovery", Any()));

    private static ObjectSchema Provider() => Open("a model provider",
        ("baseUrl", NonEmpty("API base URL (required for custom providers)")),
        ("apiKey", Secret("API key (plain, ${ENV} or a SecretRef)")),
        ("auth", Enum("credential strategy", ["api-key", "aws-sdk", "oauth", "token"])),
        ("api", NonEmpty("wire API: openai-completions, openai-responses, anthropic-messages, google-generative-ai, ollama, …")),
        ("headers", Map(Secret(), "extra request headers")),
        ("authHeader", Bool("send the key as Authorization: Bearer")),
        ("maxTokens", Int("default output cap", 1)),
        ("timeoutSeconds", Int("HTTP and idle timeout", 1, 86_400)),
        ("region", Str()),
        ("params", Any()),
        ("request", Any("transport overrides")),
        ("models", Arr(Model(), "models this provider serves")));

    private static ObjectSchema Model() => Open("a model definition",
        ("id", NonEmpty("provider-facing model id")),
        ("name", NonEmpty("display name")),
        ("api", NonEmpty()),
        ("baseUrl", NonEmpty()),
        ("reasoning", Bool(null, false)),
        ("input", Arr(Enum(null, ["text", "image", "video", "audio"]), "input kinds (default [\"text\"])")),
        ("cost", Open("USD per million tokens", ("input", Num(null, 0)), ("output", Num(null, 0)), ("cacheRead", Num(null, 0)), ("cacheWrite", Num(null, 0)))),
        ("contextWindow", Int("context window in tokens", 1)),
        ("contextTokens", Int("effective input cap in tokens", 1)),
        ("maxTokens", Int("output cap in tokens", 1)),
        ("headers", Map(Secret())),
        ("compat", Any()),
        ("params", Any())).Requiring("id");
}
