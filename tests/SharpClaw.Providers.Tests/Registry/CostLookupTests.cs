using System.Text.Json.Nodes;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Copilot;
using SharpClaw.Providers.Gemini;
using SharpClaw.Providers.Registry;

namespace SharpClaw.Providers.Tests.Registry;

public sealed class CostLookupTests
{
    [Fact]
    public void Bundled_rates_of_registered_providers_are_used_for_cost()
    {
        var registry = Registry(new JsonObject());

        Assert.Equal(new ModelCost(0.5m, 3m, 0.05m, 0m), registry.CostOf("google", "gemini-3-flash-preview"));
        Assert.Equal(new ModelCost(0m, 0m, 0m, 0m), registry.CostOf("github-copilot", "gpt-4.1"));
    }

    [Fact]
    public void A_partial_cost_entry_keeps_the_bundled_rates_it_leaves_out()
    {
        var registry = Registry(Providers(
            ("anthropic", "claude-opus-4-6", new JsonObject { ["input"] = 4 }),
            ("google", "gemini-3-flash-preview", new JsonObject { ["output"] = 2.5 })));

        Assert.Equal(new ModelCost(4m, 25m, 0.5m, 6.25m), registry.CostOf("anthropic", "claude-opus-4-6"));
        Assert.Equal(new ModelCost(0.5m, 2.5m, 0.05m, 0m), registry.CostOf("google", "gemini-3-flash-preview"));
    }

    [Fact]
    public void A_complete_cost_entry_replaces_the_bundled_rates()
    {
        var registry = Registry(Providers(("openai", "gpt-5-mini", new JsonObject { ["input"] = 1, ["output"] = 2, ["cacheRead"] = 0, ["cacheWrite"] = 0 })));

        Assert.Equal(new ModelCost(1m, 2m, 0m, 0m), registry.CostOf("openai", "gpt-5-mini"));
    }

    /// <summary><c>models.providers.&lt;p&gt;.models = [{id, cost}]</c> for each entry.</summary>
    private static JsonObject Providers(params (string Provider, string Model, JsonObject Cost)[] entries)
    {
        var providers = new JsonObject();
        foreach (var (provider, model, cost) in entries)
        {
            providers[provider] = new JsonObject { ["models"] = new JsonArray(new JsonObject { ["id"] = model, ["cost"] = cost }) };
        }

        return new JsonObject { ["models"] = new JsonObject { ["providers"] = providers } };
    }

    private static ProviderRegistry Registry(JsonObject config) => new(config, new ProviderRegistryOptions
    {
        Environment = _ => null,
        DetectOllama = false,
        Registrations = [GeminiProvider.Registration, CopilotProvider.Registration(Path.Combine(Path.GetTempPath(), "sharpclaw-cost-" + Guid.NewGuid().ToString("N")))],
    });
}
