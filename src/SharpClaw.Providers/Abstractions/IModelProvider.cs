using Microsoft.Extensions.AI;

namespace SharpClaw.Providers.Abstractions;

/// <summary>One configured provider (anthropic, openai, openrouter, google, amazon-bedrock, ollama, github-copilot, …).</summary>
public interface IModelProvider
{
    /// <summary>Provider id as used in model refs (<c>anthropic</c>, <c>openai</c>, …).</summary>
    string Id { get; }

    /// <summary>The wire API adapter this provider uses.</summary>
    string Api { get; }

    /// <summary>True when credentials (or a local endpoint) are available.</summary>
    bool IsConfigured { get; }

    /// <summary>What to set to make it usable (env vars / config keys), for error messages.</summary>
    string SetupHint { get; }

    /// <summary>Configured models plus discovered ones (discovery failures are swallowed and reported in status).</summary>
    Task<IReadOnlyList<ModelDefinition>> ListModelsAsync(CancellationToken cancellationToken);

    /// <summary>A streaming chat client for one model; failures surface as <see cref="ProviderException"/>.</summary>
    IChatClient CreateChatClient(string modelId);
}
