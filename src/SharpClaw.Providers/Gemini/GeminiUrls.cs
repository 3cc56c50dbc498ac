using SharpClaw.Providers.Common;

namespace SharpClaw.Providers.Gemini;

/// <summary>
/// Gemini REST paths. The configured base URL may be the bare host (<c>https://generativelanguage.googleapis.com</c>,
/// <c>/v1beta</c> is added) or already end in an API version (<c>…/v1beta</c>, <c>…/v1</c>, kept as is).
/// </summary>
internal static class GeminiUrls
{
    public const string DefaultBaseUrl = "https://generativelanguage.googleapis.com";

    public static Uri ApiRoot(Uri baseUrl)
    {
        var path = baseUrl.AbsolutePath.TrimEnd('/');
        var last = path[(path.LastIndexOf('/') + 1)..];
        return last.StartsWith("v1", StringComparison.OrdinalIgnoreCase) ? baseUrl : UriPaths.Append(baseUrl, "v1beta");
    }

    /// <summary><c>{root}/models/{model}:streamGenerateContent?alt=sse</c>.</summary>
    public static Uri StreamGenerateContent(Uri baseUrl, string modelId)
        => UriPaths.Append(ApiRoot(baseUrl), $"models/{Uri.EscapeDataString(BareModelId(modelId))}:streamGenerateContent?alt=sse");

    /// <summary><c>{root}/models?pageSize=1000[&amp;pageToken=…]</c>.</summary>
    public static Uri Models(Uri baseUrl, string? pageToken)
        => UriPaths.Append(ApiRoot(baseUrl), pageToken is null ? "models?pageSize=1000" : $"models?pageSize=1000&pageToken={Uri.EscapeDataString(pageToken)}");

    /// <summary><c>models/gemini-2.5-pro</c> → <c>gemini-2.5-pro</c>.</summary>
    public static string BareModelId(string modelId)
        => modelId.StartsWith("models/", StringComparison.Ordinal) ? modelId["models/".Length..] : modelId;
}
