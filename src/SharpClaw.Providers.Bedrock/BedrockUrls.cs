using System.Text.RegularExpressions;
using SharpClaw.Providers.Common;

namespace SharpClaw.Providers.Bedrock;

/// <summary>Bedrock endpoints: the runtime (<c>bedrock-runtime.{region}</c>) and the control plane (<c>bedrock.{region}</c>).</summary>
internal static partial class BedrockUrls
{
    public const string DefaultRegion = "us-east-1";

    public static Uri Runtime(string region) => new($"https://bedrock-runtime.{region}.amazonaws.com");

    public static Uri Control(string region) => new($"https://bedrock.{region}.amazonaws.com");

    /// <summary><c>{runtime}/model/{modelId}/converse-stream</c>; the id is escaped (ARNs contain <c>/</c> and <c>:</c>).</summary>
    public static Uri ConverseStream(Uri runtime, string modelId)
        => UriPaths.Append(runtime, $"model/{Uri.EscapeDataString(modelId)}/converse-stream");

    public static Uri FoundationModels(Uri control) => UriPaths.Append(control, "foundation-models");

    public static Uri InferenceProfiles(Uri control, string? nextToken)
        => UriPaths.Append(control, nextToken is null ? "inference-profiles?maxResults=100" : $"inference-profiles?maxResults=100&nextToken={Uri.EscapeDataString(nextToken)}");

    /// <summary>The region in <c>https://bedrock-runtime.eu-west-1.amazonaws.com</c>, if the host has that shape.</summary>
    public static string? RegionOf(Uri? url)
        => url is not null && RegionPattern().Match(url.Host) is { Success: true } match ? match.Groups["region"].Value : null;

    [GeneratedRegex(@"^bedrock(?:-runtime)?(?:-fips)?\.(?<region>[a-z0-9-]+)\.amazonaws\.com", RegexOptions.IgnoreCase)]
    private static partial Regex RegionPattern();
}
