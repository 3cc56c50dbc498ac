using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Registry;
using SharpClaw.Providers.Tests.Infrastructure;
using static SharpClaw.Providers.Tests.Infrastructure.ChatStreams;
using static SharpClaw.Providers.Tests.Registry.RegistryTestConfig;

namespace SharpClaw.Providers.Tests.Registry;

/// <summary>Registry behaviour that talks HTTP: custom providers, Ollama auto-detect, vLLM discovery.</summary>
public sealed class ProviderRegistryEndpointTests : GoldenServerTestBase
{

    private string Base => Server.BaseUri.ToString().TrimEnd('/');

    [Fact]
    public async Task Custom_config_provider_streams_through_the_openai_adapter_with_its_headers()
    {
        Server.On("POST", "/v1/chat/completions", GoldenReply.SseFile("openai/chat-text.sse"));
        var config = Parse("""
            {"models":{"providers":{"local-llm":{
              "baseUrl":"@BASE/v1","apiKey":"local-key","api":"openai-completions",
              "headers":{"X-Team":"claws"},
              "models":[{"id":"qwen3-32b","name":"Qwen3 32B","contextWindow":131072,"maxTokens":8192,"reasoning":true,
                         "input":["text","image"],"cost":{"input":0,"output":0,"cacheRead":0,"cacheWrite":0}}]}}}}
            """.Replace("@BASE", Base, StringComparison.Ordinal));
        var registry = await ProviderRegistry.CreateAsync(config, Options(), TestContext.Current.CancellationToken);

        var resolved = registry.ResolveModel("qwen3-32b");
        Assert.Equal(new ModelRef("local-llm", "qwen3-32b"), resolved.Ref);
        Assert.Equal(131072, resolved.Definition.ContextWindow);
        Assert.True(resolved.Definition.Reasoning);
        Assert.Equal(["text", "image"], resolved.Definition.Input);
        Assert.Equal(new ModelRef("local-llm", "qwen3-32b"), registry.DefaultModel);

        var updates = await CollectAsync(resolved.CreateChatClient());
        Assert.Equal("Hello from SharpClaw!", Text(updates));
        Assert.Equal("Bearer local-key", Server.LastRequest.Header("Authorization"));
        Assert.Equal("claws", Server.LastRequest.Header("X-Team"));
        Assert.Equal("qwen3-32b", Server.LastRequest.Json["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ollama_is_auto_detected_on_its_local_port()
    {
        Server.On("GET", "/api/tags", GoldenReply.JsonFile(200, "ollama/tags.json"));
        Server.On("POST", "/api/chat", GoldenReply.NdjsonFile("ollama/chat-text.ndjson"));

        var registry = await ProviderRegistry.CreateAsync(null, Options(ollamaUrl: Server.BaseUri), TestContext.Current.CancellationToken);

        Assert.True(registry.GetProvider("ollama")!.IsConfigured);
        Assert.Equal(new ModelRef("ollama", "llama3.2:latest"), registry.DefaultModel);
        var listing = await registry.ListModelsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["llama3.2:latest", "qwen3:8b"], listing.Where(l => l.Model.Ref.Provider == "ollama").Select(l => l.Model.Ref.Model));
        Assert.All(listing.Where(l => l.Model.Ref.Provider == "ollama"), l => Assert.True(l.Available && l.Model.Source == "discovered"));

        var updates = await CollectAsync(registry.ResolveModel("qwen3:8b").CreateChatClient());
        Assert.Equal("Hello from Ollama!", Text(updates));
        Assert.Equal("qwen3:8b", Server.LastRequest.Json["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ollama_absent_means_not_configured()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort.Get()}");

        var registry = await ProviderRegistry.CreateAsync(null, Options(ollamaUrl: closed), TestContext.Current.CancellationToken);

        var ollama = (ApiModelProvider)registry.GetProvider("ollama")!;
        Assert.False(ollama.IsConfigured);
        Assert.NotNull(ollama.DiscoveryError);
        Assert.False(registry.HasConfiguredProvider);
        Assert.Throws<ProviderException>(() => ollama.CreateChatClient("llama3.2"));
    }

    [Fact]
    public async Task Ollama_config_base_url_overrides_the_probe_address()
    {
        Server.On("GET", "/api/tags", GoldenReply.JsonFile(200, "ollama/tags.json"));
        var closed = new Uri($"http://127.0.0.1:{FreePort.Get()}");
        var config = Parse("""{"models":{"providers":{"ollama":{"baseUrl":"@BASE/v1"}}}}""".Replace("@BASE", Base, StringComparison.Ordinal));

        var registry = await ProviderRegistry.CreateAsync(config, Options(ollamaUrl: closed), TestContext.Current.CancellationToken);

        Assert.True(registry.GetProvider("ollama")!.IsConfigured);
        Assert.Equal("/api/tags", Server.LastRequest.Path); // an OpenAI-style ".../v1" base is mapped back to the native root
        Assert.Equal(new ModelRef("ollama", "qwen3:8b"), registry.ResolveModel("ollama/qwen3:8b").Ref);
    }

    [Fact]
    public async Task Vllm_models_are_discovered_from_its_models_endpoint()
    {
        Server.On("GET", "/v1/models", GoldenReply.JsonFile(200, "openai/models-vllm.json"));
        var config = Parse("""{"models":{"providers":{"vllm":{"baseUrl":"@BASE/v1"}}}}""".Replace("@BASE", Base, StringComparison.Ordinal));

        var registry = await ProviderRegistry.CreateAsync(config, Options(new() { ["VLLM_API_KEY"] = "vllm-key" }), TestContext.Current.CancellationToken);

        Assert.Equal("Bearer vllm-key", Server.LastRequest.Header("Authorization"));
        var listing = await registry.ListModelsAsync(TestContext.Current.CancellationToken);
        var qwen = Assert.Single(listing, l => l.Model.Ref.Provider == "vllm");
        Assert.Equal("Qwen/Qwen3-8B", qwen.Model.Ref.Model);
        Assert.Equal(32768, qwen.Model.ContextWindow);
        Assert.Equal("discovered", qwen.Model.Source);
        Assert.True(qwen.Available);
        Assert.Equal(new ModelRef("vllm", "Qwen/Qwen3-8B"), registry.ResolveModel("vllm/Qwen/Qwen3-8B").Ref);
        Assert.Equal(new ModelRef("vllm", "Qwen/Qwen3-8B"), registry.ResolveModel("Qwen/Qwen3-8B").Ref); // "Qwen" is no provider: whole id matched
        Assert.Equal(new ModelRef("vllm", "Qwen/Qwen3-8B"), registry.DefaultModel);
    }

    [Fact]
    public async Task Vllm_without_base_url_is_not_configured_and_discovery_failures_are_swallowed()
    {
        Server.On("GET", "/v1/models", GoldenReply.Json(500, """{"error":"boom"}"""));
        var config = Parse("""{"models":{"providers":{"vllm":{"baseUrl":"@BASE/v1"}}}}""".Replace("@BASE", Base, StringComparison.Ordinal));

        var broken = await ProviderRegistry.CreateAsync(config, Options(), TestContext.Current.CancellationToken);
        var unset = new ProviderRegistry(null, Options());

        var vllm = (ApiModelProvider)broken.GetProvider("vllm")!;
        Assert.True(vllm.IsConfigured); // reachable config, discovery just failed
        Assert.Contains("boom", vllm.DiscoveryError, StringComparison.Ordinal);
        Assert.Empty(await vllm.ListModelsAsync(TestContext.Current.CancellationToken));
        Assert.False(unset.GetProvider("vllm")!.IsConfigured);
        Assert.Contains("models.providers.vllm.baseUrl", unset.GetProvider("vllm")!.SetupHint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registrations_plug_in_extra_providers()
    {
        ProviderFactoryContext? seen = null;
        var google = new ModelProviderRegistration("google", ctx =>
        {
            seen = ctx;
            return new StubProvider(ctx.Settings.Id, ctx.Settings.Api, ctx.Settings.ApiKey is not null);
        })
        {
            Api = "google-generative-ai",
            DefaultModelId = "gemini-3-flash-preview",
            ExtraEnvVars = ["GEMINI_API_KEY"],
        };
        var config = Parse("""{"models":{"providers":{"my-gemini":{"api":"google-generative-ai","apiKey":"cfg"}}}}""");

        var registry = await ProviderRegistry.CreateAsync(config, Options(new() { ["GEMINI_API_KEY"] = "g-key" }, registrations: [google]), TestContext.Current.CancellationToken);

        Assert.Equal(["anthropic", "openai", "google"], registry.Providers.Select(p => p.Id).Take(3));
        Assert.Equal("my-gemini", registry.Providers[^1].Id);
        Assert.Equal("google-generative-ai", registry.Providers[^1].Api);
        Assert.Equal(new ModelRef("google", "gemini-3-flash-preview"), registry.DefaultModel);
        Assert.Equal("google", registry.ResolveModel(null).Provider.Id);
        Assert.NotNull(seen);
        Assert.Equal("my-gemini", seen!.Settings.Id); // the last call built the custom provider
        Assert.Equal("cfg", seen.Settings.ApiKey!.Value);
    }

    [Fact]
    public void A_throwing_registration_does_not_break_the_registry()
    {
        var broken = new ModelProviderRegistration("github-copilot", _ => throw new InvalidOperationException("token exchange unavailable"));

        var registry = new ProviderRegistry(null, Options(new() { ["OPENAI_API_KEY"] = "sk" }, registrations: [broken]));

        var copilot = registry.GetProvider("github-copilot")!;
        Assert.False(copilot.IsConfigured);
        Assert.Contains("token exchange unavailable", copilot.SetupHint, StringComparison.Ordinal);
        Assert.Equal(new ModelRef("openai", "gpt-5-mini"), registry.DefaultModel);
    }

    private sealed class StubProvider(string id, string api, bool configured) : IModelProvider
    {
        public string Id => id;

        public string Api => api;

        public bool IsConfigured => configured;

        public string SetupHint => "set GEMINI_API_KEY";

        public Task<IReadOnlyList<ModelDefinition>> ListModelsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ModelDefinition>>([]);

        public IChatClient CreateChatClient(string modelId) => throw new NotSupportedException();
    }
}
