using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Providers.Bedrock;

/// <summary>
/// Where Bedrock's AWS credentials come from, resolved lazily and cached: injected credentials (tests), then the
/// (injected) environment's <c>AWS_ACCESS_KEY_ID</c> + <c>AWS_SECRET_ACCESS_KEY</c> (+ <c>AWS_SESSION_TOKEN</c>), then
/// <c>AWS_PROFILE</c> from the shared config files, then — when the environment shows an ambient source (shared
/// config files, container or web-identity credentials) or config asks for <c>auth: "aws-sdk"</c> — the SDK's default
/// chain. <see cref="IsAvailable"/> never does network I/O.
/// </summary>
internal sealed class AwsCredentialSource
{
    private readonly AWSCredentials? _credentials;
    private readonly Func<Task<AWSCredentials>>? _resolve;
    private Task<AWSCredentials>? _resolving;

    private AwsCredentialSource(string description, AWSCredentials? credentials, Func<Task<AWSCredentials>>? resolve)
    {
        Description = description;
        _credentials = credentials;
        _resolve = resolve;
    }

    /// <summary>"env:AWS_ACCESS_KEY_ID", "profile:dev", "default chain", "static" or "none".</summary>
    public string Description { get; }

    public bool IsAvailable => _credentials is not null || _resolve is not null;

    public static AwsCredentialSource None { get; } = new("none", null, null);

    public static AwsCredentialSource Static(AWSCredentials credentials) => new("static", credentials, null);

    public static AwsCredentialSource FromEnvironment(Func<string, string?> environment, bool allowAmbient)
    {
        string? Env(string name) => string.IsNullOrWhiteSpace(environment(name)) ? null : environment(name)!.Trim();

        if (Env("AWS_ACCESS_KEY_ID") is { } accessKey && Env("AWS_SECRET_ACCESS_KEY") is { } secretKey)
        {
            AWSCredentials credentials = Env("AWS_SESSION_TOKEN") is { } token
                ? new SessionAWSCredentials(accessKey, secretKey, token)
                : new BasicAWSCredentials(accessKey, secretKey);
            return new AwsCredentialSource("env:AWS_ACCESS_KEY_ID", credentials, null);
        }

        if (Env("AWS_PROFILE") is { } profile)
        {
            return new AwsCredentialSource("profile:" + profile, null, () => Task.Run(() => FromProfile(profile)));
        }

        return allowAmbient || HasAmbientSource(Env)
            ? new AwsCredentialSource("default chain", null, () => DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(null!))
            : None;
    }

    public async ValueTask<AWSCredentials> GetAsync(string provider, CancellationToken cancellationToken)
    {
        if (_credentials is { } cached)
        {
            return cached;
        }

        if (_resolve is null)
        {
            throw NotFound(provider, "no AWS credentials: set AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY or AWS_PROFILE", null);
        }

        // Resolved once and shared (the SDK's credential objects refresh themselves); a failure is retried next time.
        var resolving = _resolving ??= _resolve();
        try
        {
            return await resolving.WaitAsync(cancellationToken);
        }
        catch (AmazonClientException ex)
        {
            _ = Interlocked.CompareExchange(ref _resolving, null, resolving);
            throw NotFound(provider, $"AWS credentials ({Description}) could not be resolved: {ex.Message}", ex);
        }
    }

    private static AWSCredentials FromProfile(string profile)
        => new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out var credentials)
            ? credentials
            : throw new AmazonClientException($"AWS profile '{profile}' was not found in the shared config/credentials files");

    private static bool HasAmbientSource(Func<string, string?> env)
    {
        if (env("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") is not null || env("AWS_CONTAINER_CREDENTIALS_FULL_URI") is not null
            || env("AWS_WEB_IDENTITY_TOKEN_FILE") is not null)
        {
            return true;
        }

        var files = new[] { env("AWS_SHARED_CREDENTIALS_FILE"), env("AWS_CONFIG_FILE") }.ToList();
        if ((env("HOME") ?? env("USERPROFILE")) is { } home)
        {
            files.Add(Path.Combine(home, ".aws", "credentials"));
            files.Add(Path.Combine(home, ".aws", "config"));
        }

        return files.Exists(f => f is not null && File.Exists(f));
    }

    private static ProviderException NotFound(string provider, string message, Exception? inner)
        => new(provider, null, FailoverReason.Auth, $"{provider}: {message}", null, null, inner);
}
