using System.Text.Json.Nodes;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Bedrock;
using SharpClaw.Providers.Registry;
using SharpClaw.Providers.Tests.Infrastructure;
using static SharpClaw.Providers.Tests.Bedrock.BedrockTestContext;
using static SharpClaw.Providers.Tests.Infrastructure.ChatStreams;

namespace SharpClaw.Providers.Tests.Bedrock;

public sealed class BedrockProviderTests : GoldenServerTestBase
{

    [Fact]
    public async Task Discovery_keeps_active_streaming_text_models_and_inference_profiles()
    {
        ServeDiscovery();
        var provider = Provider(Server, discovery: new BedrockDiscoveryOptions());

        var models = await provider.ListModelsAsync(TestContext.Current.CancellationToken);

        // Sorted by display name, like OpenClaw: legacy, embedding-only and non-streaming models are dropped.
        var ids = models.Select(m => m.Ref.Model).ToList();
        Assert.Equal(
            ["anthropic.claude-sonnet-4-5-20250929-v1:0", "deepseek.r1-v1:0", "eu.anthropic.claude-sonnet-4-5-20250929-v1:0", "eu.amazon.nova-pro-v1:0", "global.anthropic.claude-haiku-4-5-20251001-v1:0", "amazon.nova-pro-v1:0"],
            ids);
        var sonnet = models.Single(m => m.Ref.Model == "anthropic.claude-sonnet-4-5-20250929-v1:0");
        Assert.Equal(("amazon-bedrock", "bedrock-converse-stream", "discovered"), (sonnet.Ref.Provider, sonnet.Api, sonnet.Source));
        Assert.Equal(["text", "image"], sonnet.Input);
        Assert.Equal((32_000, 4_096), (sonnet.ContextWindow!.Value, sonnet.MaxOutputTokens!.Value));
        Assert.True(models.Single(m => m.Ref.Model == "deepseek.r1-v1:0").Reasoning);
        Assert.Null(provider.DiscoveryError);

        var listing = Server.RequestsTo("/foundation-models").Single();
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={AccessKey}/20260102/eu-west-1/bedrock/aws4_request", listing.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal(["?maxResults=100", "?maxResults=100&nextToken=page-2-token"], Server.RequestsTo("/inference-profiles").Select(r => r.Query).ToArray());
    }

    [Fact]
    public async Task Provider_filter_matches_provider_names_and_profile_ids()
    {
        ServeDiscovery();
        var provider = Provider(Server, discovery: new BedrockDiscoveryOptions { ProviderFilter = ["Anthropic"], DefaultContextWindow = 200_000, DefaultMaxTokens = 8192 });

        var models = await provider.ListModelsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(
            ["anthropic.claude-sonnet-4-5-20250929-v1:0", "eu.anthropic.claude-sonnet-4-5-20250929-v1:0", "global.anthropic.claude-haiku-4-5-20251001-v1:0"],
            models.Select(m => m.Ref.Model).ToArray());
        Assert.All(models, m => Assert.Equal((200_000, 8192), (m.ContextWindow!.Value, m.MaxOutputTokens!.Value)));
    }

    [Fact]
    public async Task Discovery_is_cached_for_the_refresh_interval()
    {
        ServeDiscovery();
        var clock = Clock();
        var provider = Provider(Server, clock, discovery: new BedrockDiscoveryOptions { RefreshInterval = TimeSpan.FromMinutes(10) });
        var ct = TestContext.Current.CancellationToken;

        await provider.ListModelsAsync(ct);
        await provider.ListModelsAsync(ct);
        Assert.Single(Server.RequestsTo("/foundation-models"));

        clock.Advance(TimeSpan.FromMinutes(11));
        await provider.ListModelsAsync(ct);
        Assert.Equal(2, Server.RequestsTo("/foundation-models").Count);
    }

    [Fact]
    public async Task Discovery_failure_is_swallowed_and_reported()
    {
        Server.On("GET", "/foundation-models", GoldenReply.JsonFile(403, "bedrock/error-403-access.json"));
        Server.On("GET", "/inference-profiles", GoldenReply.JsonFile(403, "bedrock/error-403-access.json"));
        var configured = new ModelDefinition { Ref = new ModelRef("amazon-bedrock", Model), Api = "bedrock-converse-stream" };
        var provider = new BedrockProvider(new BedrockProviderOptions
        {
            RuntimeUrl = Server.BaseUri,
            ControlUrl = Server.BaseUri,
            Credentials = AwsCredentialSource.Static(new Amazon.Runtime.BasicAWSCredentials(AccessKey, "secret")),
            ConfiguredModels = [configured],
            TimeProvider = Clock(),
        });

        var models = await provider.ListModelsAsync(TestContext.Current.CancellationToken);

        Assert.Equal([Model], models.Select(m => m.Ref.Model).ToArray());
        Assert.Contains("don't have access", provider.DiscoveryError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discovered_max_tokens_become_the_default_max_tokens()
    {
        ServeDiscovery();
        Server.On("POST", "/model/amazon.nova-pro-v1:0/converse-stream", BedrockFrames.Reply("bedrock/converse-text.jsonl"));
        var provider = Provider(Server, discovery: new BedrockDiscoveryOptions { DefaultMaxTokens = 3000 });
        await provider.ListModelsAsync(TestContext.Current.CancellationToken);

        await CollectAsync(provider.CreateChatClient("amazon.nova-pro-v1:0"));

        Assert.Equal(3000, (int?)Server.LastRequest.Json["inferenceConfig"]!["maxTokens"]);
    }

    [Fact]
    public void Environment_credentials_and_region_are_read_without_network()
    {
        var env = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = AccessKey, ["AWS_SECRET_ACCESS_KEY"] = "secret", ["AWS_REGION"] = "ap-southeast-2" };
        var registry = Registry(new JsonObject(), env);

        var provider = Assert.IsType<BedrockProvider>(registry.GetProvider("amazon-bedrock"));

        Assert.True(provider.IsConfigured);
        Assert.Equal("ap-southeast-2", provider.Region);
    }

    [Fact]
    public void Without_credentials_the_provider_is_unconfigured()
    {
        var provider = Assert.IsType<BedrockProvider>(Registry(new JsonObject(), []).GetProvider("amazon-bedrock"));

        Assert.False(provider.IsConfigured);
        var ex = Assert.Throws<ProviderException>(() => provider.CreateChatClient(Model));
        Assert.Equal(FailoverReason.Auth, ex.Reason);
        Assert.Contains("AWS_ACCESS_KEY_ID", ex.Message, StringComparison.Ordinal);
        Assert.Equal(AwsCredentialSource.None, AwsCredentialSource.FromEnvironment(_ => null, allowAmbient: false));
    }

    [Fact]
    public async Task Registry_config_sets_region_base_url_and_discovery_switch()
    {
        Server.On("POST", ConversePath, BedrockFrames.Reply("bedrock/converse-text.jsonl"));
        var config = JsonNode.Parse($$"""
            {
              "models": {
                "bedrockDiscovery": { "enabled": false, "region": "us-west-2", "providerFilter": ["anthropic"] },
                "providers": { "amazon-bedrock": { "baseUrl": "{{Server.BaseUri}}", "region": "eu-central-1", "auth": "aws-sdk",
                  "models": [{ "id": "{{Model}}", "name": "Claude Sonnet 4.5 (US)", "maxTokens": 16000 }] } }
              }
            }
            """)!.AsObject();
        var env = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = AccessKey, ["AWS_SECRET_ACCESS_KEY"] = "secret" };
        var registry = Registry(config, env);

        var resolved = registry.ResolveModel("amazon-bedrock/" + Model);
        var updates = await CollectAsync(resolved.CreateChatClient());

        Assert.Equal("Hello from Bedrock!", Text(updates));
        Assert.Equal("eu-central-1", Assert.IsType<BedrockProvider>(resolved.Provider).Region);
        Assert.Contains("/eu-central-1/bedrock/aws4_request", Server.LastRequest.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal(16000, (int?)Server.LastRequest.Json["inferenceConfig"]!["maxTokens"]);
        Assert.Equal([Model], (await resolved.Provider.ListModelsAsync(TestContext.Current.CancellationToken)).Select(m => m.Ref.Model).ToArray());
        Assert.Empty(Server.RequestsTo("/foundation-models"));
    }

    private static ProviderRegistry Registry(JsonObject config, Dictionary<string, string> env)
        => new(config, new ProviderRegistryOptions
        {
            Environment = name => env.GetValueOrDefault(name),
            DetectOllama = false,
            Registrations = [BedrockProvider.Registration],
        });

    private void ServeDiscovery()
    {
        Server.On("GET", "/foundation-models", GoldenReply.JsonFile(200, "bedrock/foundation-models.json"));
        Server.On("GET", "/inference-profiles", GoldenReply.JsonFile(200, "bedrock/inference-profiles-page1.json"), GoldenReply.JsonFile(200, "bedrock/inference-profiles-page2.json"));
    }
}
