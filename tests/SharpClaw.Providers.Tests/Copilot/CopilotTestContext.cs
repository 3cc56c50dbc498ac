using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SharpClaw.Providers.Copilot;
using SharpClaw.Providers.Tests.Infrastructure;

namespace SharpClaw.Providers.Tests.Copilot;

/// <summary>Copilot providers wired to a <see cref="GoldenServer"/> playing github.com, api.github.com and the Copilot API.</summary>
internal sealed class CopilotTestContext : IDisposable
{
    public const string GitHubToken = "gho_sharpclawTestToken0001";
    public const string ExchangePath = "/copilot_internal/v2/token";
    public const string ChatPath = "/chat/completions";

    public CopilotTestContext(GoldenServer server)
    {
        Server = server;
        StateDir = Path.Combine(Path.GetTempPath(), "sharpclaw-copilot-" + Guid.NewGuid().ToString("N"));
        Store = new CopilotCredentialStore(StateDir);
    }

    public GoldenServer Server { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public string StateDir { get; }

    public CopilotCredentialStore Store { get; }

    /// <summary>An exchange answer valid for <paramref name="lifetime"/> whose <c>endpoints.api</c> is the golden server.</summary>
    public GoldenReply ExchangeReply(string copilotToken, TimeSpan lifetime, int? refreshIn = null)
    {
        var json = new JsonObject
        {
            ["token"] = copilotToken,
            ["expires_at"] = (Clock.GetUtcNow() + lifetime).ToUnixTimeSeconds(),
            ["endpoints"] = new JsonObject { ["api"] = Server.BaseUri.AbsoluteUri.TrimEnd('/') },
            ["sku"] = "copilot_individual",
        };
        if (refreshIn is { } r)
        {
            json["refresh_in"] = r;
        }

        return GoldenReply.Json(200, json.ToJsonString());
    }

    public CopilotProvider Provider(string githubToken = GitHubToken, bool withStore = true) => new(new CopilotProviderOptions
    {
        GitHubToken = githubToken,
        Store = withStore ? Store : null,
        GitHubUrl = Server.BaseUri,
        GitHubApiUrl = Server.BaseUri,
        DiscoverModels = false,
        TimeProvider = Clock,
    });

    public void Dispose()
    {
        try
        {
            Directory.Delete(StateDir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
