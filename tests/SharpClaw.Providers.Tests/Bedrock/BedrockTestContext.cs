using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using SharpClaw.Providers.Bedrock;
using SharpClaw.Providers.Tests.Infrastructure;

namespace SharpClaw.Providers.Tests.Bedrock;

/// <summary>Builds Bedrock providers against a <see cref="GoldenServer"/> with fake static credentials and a fake clock.</summary>
internal static class BedrockTestContext
{
    public const string Model = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    public const string ConversePath = "/model/" + Model + "/converse-stream";
    public const string AccessKey = "AKIDSHARPCLAWTEST";

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public static BedrockProvider Provider(GoldenServer server, TimeProvider? time = null, AWSCredentials? credentials = null, BedrockDiscoveryOptions? discovery = null)
        => new(new BedrockProviderOptions
        {
            Region = "eu-west-1",
            RuntimeUrl = server.BaseUri,
            ControlUrl = server.BaseUri,
            Credentials = AwsCredentialSource.Static(credentials ?? new BasicAWSCredentials(AccessKey, "fake-secret-key")),
            Discovery = discovery ?? new BedrockDiscoveryOptions { Enabled = false },
            TimeProvider = time ?? Clock(),
        });
}
