using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Registry;
using static SharpClaw.Providers.Tests.Registry.RegistryTestConfig;

namespace SharpClaw.Providers.Tests.Registry;

public sealed class ProviderRegistryTests
{
    [Fact]
    public async Task Without_any_provider_everything_works_and_resolution_names_the_env_vars()
    {
        var registry = new ProviderRegistry(null, Options());

        Assert.False(registry.HasConfiguredProvider);
        Assert.Null(registry.DefaultModel);
        var ex = Assert.Throws<ProviderException>(() => registry.ResolveModel(null));
        Assert.Equal(FailoverReason.Auth, ex.Reason);
        Assert.StartsWith("no model provider is configured: set ANTHROPIC_API_KEY or OPENAI_API_KEY (or models.providers.<id>.apiKey)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("XAI_API_KEY", ex.Message, StringComparison.Ordinal);
        Assert.Contains("run Ollama on 127.0.0.1:11434", ex.Message, StringComparison.Ordinal);

        var byName = Assert.Throws<ProviderException>(() => registry.ResolveModel("opus"));
        Assert.StartsWith("no model provider is configured", byName.Message, StringComparison.Ordinal);
        var byRef = Assert.Throws<ProviderException>(() => registry.ResolveModel("anthropic/claude-opus-4-6"));
        Assert.Contains("ANTHROPIC_API_KEY", byRef.Message, StringComparison.Ordinal);

        var listing = await registry.ListModelsAsync(TestContext.Current.CancellationToken);
        Assert.Contains(listing, l => l.Model.Ref == new ModelRef("anthropic", "claude-opus-4-6") && !l.Available && l.Model.Source == "default");
        Assert.Contains(listing, l => l.Model.Ref == new ModelRef("openai", "gpt-5-mini") && !l.Available);
        Assert.DoesNotContain(listing, l => l.Available);
    }

    [Fact]
    public void Env_key_enables_a_builtin_provider_and_its_default_model()
    {
        var registry = new ProviderRegistry(null, Options(new() { ["ANTHROPIC_API_KEY"] = "sk-ant" }));

        Assert.True(registry.GetProvider("anthropic")!.IsConfigured);
        Assert.False(registry.GetProvider("openai")!.IsConfigured);
        Assert.Equal(new ModelRef("anthropic", "claude-opus-4-6"), registry.DefaultModel);

        var resolved = registry.ResolveModel(null);
        Assert.Equal("anthropic-messages", resolved.Provider.Api);
        Assert.Equal(200_000, resolved.Definition.ContextWindow);
        Assert.Equal(5m, registry.CostOf("anthropic", "claude-opus-4-6")!.Input);

        var missing = Assert.Throws<ProviderException>(() => registry.ResolveModel("openai/gpt-5-mini"));
        Assert.Equal(FailoverReason.Auth, missing.Reason);
        Assert.Equal("model provider openai is not configured: set OPENAI_API_KEY (or models.providers.openai.apiKey)", missing.Message);
    }

    [Theory]
    [InlineData("OPENAI_API_KEY", "k-plain", "k-plain")]
    [InlineData("OPENAI_API_KEYS", "k-one, k-two", "k-one")]
    [InlineData("OPENAI_API_KEY_1", "k-numbered", "k-numbered")]
    [InlineData("OPENCLAW_LIVE_OPENAI_KEY", "k-live", "k-live")]
    public void Env_key_sources(string variable, string value, string expected)
    {
        var env = new Dictionary<string, string> { [variable] = value };
        if (variable != "OPENAI_API_KEY")
        {
            env["OPENAI_API_KEY_9"] = "k-lower-priority";
        }

        var provider = (ApiModelProvider)new ProviderRegistry(null, Options(env)).GetProvider("openai")!;

        Assert.Equal(expected, provider.Settings.ApiKey!.Value);
        Assert.Equal("env:" + variable, provider.Settings.ApiKey.Source);
    }

    [Fact]
    public void Env_key_wins_over_config_key_and_secret_refs_resolve()
    {
        var config = Parse("""
            {"models":{"providers":{
              "openai":{"apiKey":"from-config"},
              "xai":{"apiKey":{"source":"env","provider":"default","id":"MY_GROK_KEY"}}}}}
            """);
        var registry = new ProviderRegistry(config, Options(new() { ["OPENAI_API_KEY"] = "from-env", ["MY_GROK_KEY"] = "grok-secret" }));

        Assert.Equal("from-env", ((ApiModelProvider)registry.GetProvider("openai")!).Settings.ApiKey!.Value);
        var xai = (ApiModelProvider)registry.GetProvider("xai")!;
        Assert.Equal("grok-secret", xai.Settings.ApiKey!.Value);
        Assert.Equal("config", xai.Settings.ApiKey.Source);
        Assert.True(xai.IsConfigured);
        Assert.DoesNotContain("grok-secret", xai.Settings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Aliases_from_agents_defaults_models()
    {
        var config = Parse("""
            {"agents":{"defaults":{
              "model":{"primary":"sonnet","fallbacks":["opus"]},
              "models":{
                "anthropic/claude-opus-4-6":{"alias":"opus"},
                "anthropic/claude-sonnet-4-5":{"alias":"Sonnet","params":{"cacheRetention":"short"}},
                "openrouter/*":{}}}}}
            """);
        var registry = new ProviderRegistry(config, Options(new() { ["ANTHROPIC_API_KEY"] = "sk-ant" }));

        Assert.Equal(new ModelRef("anthropic", "claude-opus-4-6"), registry.ResolveModel("OPUS").Ref);
        Assert.Equal("opus", registry.ResolveModel("anthropic/claude-opus-4-6").Alias);
        Assert.Equal(new ModelRef("anthropic", "claude-sonnet-4-5"), registry.DefaultModel);
        var sonnet = registry.ResolveModel(null);
        Assert.Equal("Sonnet", sonnet.Alias);
        Assert.Equal("ad-hoc", sonnet.Definition.Source);
        Assert.Equal(2, registry.Aliases.Count);
    }

    [Fact]
    public void String_default_model_bare_ids_and_colon_refs()
    {
        var config = Parse("""{"agents":{"defaults":{"model":"openai/gpt-5-mini"}}}""");
        var registry = new ProviderRegistry(config, Options(new() { ["OPENAI_API_KEY"] = "sk", ["OPENROUTER_API_KEY"] = "sk-or" }));

        Assert.Equal(new ModelRef("openai", "gpt-5-mini"), registry.DefaultModel);
        Assert.Equal(new ModelRef("openai", "gpt-5-mini"), registry.ResolveModel("gpt-5-mini").Ref);
        Assert.Equal(new ModelRef("openrouter", "auto"), registry.ResolveModel("openrouter:auto").Ref);
        Assert.Equal(new ModelRef("openrouter", "anthropic/claude-sonnet-4-6"), registry.ResolveModel("OpenRouter/anthropic/claude-sonnet-4-6").Ref);

        var unknownProvider = Assert.Throws<ProviderException>(() => registry.ResolveModel("nope/model"));
        Assert.Equal(FailoverReason.ModelNotFound, unknownProvider.Reason);
        var unknownModel = Assert.Throws<ProviderException>(() => registry.ResolveModel("mystery-model"));
        Assert.Equal(FailoverReason.ModelNotFound, unknownModel.Reason);
        Assert.Contains("use provider/model", unknownModel.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replace_mode_keeps_only_configured_providers()
    {
        var config = Parse("""
            {"models":{"mode":"replace","providers":{
              "anthropic":{"models":[{"id":"claude-haiku-4-5","name":"Haiku","contextWindow":200000,"maxTokens":8192,
                "cost":{"input":1,"output":5,"cacheRead":0.1,"cacheWrite":1.25}}]}}}}
            """);
        var registry = new ProviderRegistry(config, Options(new() { ["ANTHROPIC_API_KEY"] = "sk-ant", ["OPENAI_API_KEY"] = "sk" }));

        Assert.Equal(["anthropic"], registry.Providers.Select(p => p.Id));
        Assert.Equal(new ModelRef("anthropic", "claude-haiku-4-5"), registry.DefaultModel);
        var listing = await registry.ListModelsAsync(TestContext.Current.CancellationToken);
        var haiku = Assert.Single(listing);
        Assert.True(haiku.Available);
        Assert.True(haiku.IsDefault);
        Assert.Equal(new ModelCost(1m, 5m, 0.1m, 1.25m), haiku.Model.Cost);
    }

    [Fact]
    public void Unsupported_api_is_listed_but_not_configured()
    {
        var config = Parse("""{"models":{"providers":{"azure":{"baseUrl":"https://example.invalid/openai","api":"azure-openai-responses","models":[{"id":"gpt-5","name":"GPT-5"}]}}}}""");
        var registry = new ProviderRegistry(config, Options());

        var azure = registry.GetProvider("azure")!;
        Assert.False(azure.IsConfigured);
        Assert.Contains("azure-openai-responses", azure.SetupHint, StringComparison.Ordinal);
    }
}
