using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Providers.Bedrock;

/// <summary>How a <see cref="BedrockProvider"/> is wired (<see cref="BedrockConfigReader"/> builds this from config + environment).</summary>
internal sealed record BedrockProviderOptions
{
    public string Id { get; init; } = BedrockProvider.ProviderId;

    /// <summary>Signing region and the region of the default runtime URL.</summary>
    public string Region { get; init; } = BedrockUrls.DefaultRegion;

    /// <summary>Runtime base URL; null → <c>https://bedrock-runtime.{Region}.amazonaws.com</c>.</summary>
    public Uri? RuntimeUrl { get; init; }

    /// <summary>Control-plane base URL for discovery; null → <c>https://bedrock.{discovery region}.amazonaws.com</c>.</summary>
    public Uri? ControlUrl { get; init; }

    public AwsCredentialSource Credentials { get; init; } = AwsCredentialSource.None;

    public BedrockDiscoveryOptions Discovery { get; init; } = new();

    /// <summary>Models from <c>models.providers.amazon-bedrock.models[]</c>.</summary>
    public IReadOnlyList<ModelDefinition> ConfiguredModels { get; init; } = [];

    /// <summary>Static extra headers (<c>models.providers.amazon-bedrock.headers</c>), signed with the request.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>HTTP transport under the signing handler (null → the shared pool; tests point it at fakes).</summary>
    public HttpMessageHandler? Transport { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Idle timeout of the stream (<c>timeoutSeconds</c>); null → <see cref="Common.StreamingProviderChatClient.DefaultTimeout"/>.</summary>
    public TimeSpan? Timeout { get; init; }
}
