using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SharpClaw.Core.State;
using SharpClaw.Gateway.Agents;
using SharpClaw.Gateway.Agents.Failover;
using SharpClaw.Gateway.Tests.Infrastructure;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Gateway.Tests.Failover;

public sealed class ProviderHealthPersistenceTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly string _dir = TestGateway.NewStateDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Cooldown_and_billing_state_survive_a_restart()
    {
        var db = await OpenAsync();
        var before = new ProviderHealth(_clock, new SqliteAuthProfileStateStore(db, _clock));
        before.RecordFailure("anthropic", "claude-opus-4-6", FailoverReason.RateLimit);
        before.RecordFailure("openrouter", null, FailoverReason.Billing);

        var after = new ProviderHealth(_clock, new SqliteAuthProfileStateStore(await OpenAsync(), _clock));

        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromMinutes(5), after.Get("anthropic").CooldownUntil);
        Assert.Equal("claude-opus-4-6", after.Get("anthropic").CooldownModel);
        Assert.Equal(1, after.Get("anthropic").FailureCounts["rate_limit"]);
        Assert.Equal("billing", after.Get("openrouter").DisabledReason);
        Assert.Equal(CandidateDecision.Skip, after.Check("anthropic").Decision);

        after.RecordSuccess("anthropic");
        var third = new ProviderHealth(_clock, new SqliteAuthProfileStateStore(await OpenAsync(), _clock));
        Assert.True(third.Get("anthropic").IsClean);
    }

    [Fact]
    public async Task Models_list_and_status_show_cooldowns()
    {
        var config = new JsonObject
        {
            ["models"] = new JsonObject { ["providers"] = new JsonObject { ["openai"] = new JsonObject { ["apiKey"] = "sk-test" } } },
        };
        var invoker = new ProviderModelInvoker(() => config, _ => null, _clock);
        invoker.Health.RecordFailure("openai", "gpt-5-mini", FailoverReason.RateLimit);

        var rows = await invoker.ListModelsAsync(TestContext.Current.CancellationToken);

        var row = rows.Single(r => (string)r!["id"]! == "openai/gpt-5-mini")!;
        Assert.Equal("cooldown", (string)row["state"]!);
        Assert.Equal(_clock.GetUtcNow().AddMinutes(5).ToUnixTimeMilliseconds(), (long)row["cooldownUntil"]!);
        Assert.Equal("rate_limit", (string)row["cooldownReason"]!);
        var status = invoker.Health.ToStatusJson();
        Assert.Equal("cooldown", (string)status["openai:default"]!["state"]!);
        Assert.Equal(1, (int)status["openai:default"]!["errorCount"]!);
    }

    private async Task<StateDatabase> OpenAsync()
    {
        var db = new StateDatabase(Path.Combine(_dir, "sharpclaw.db"));
        await db.InitializeAsync(GatewayMigrations.All, _clock, TestContext.Current.CancellationToken);
        return db;
    }
}
