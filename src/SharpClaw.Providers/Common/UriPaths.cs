namespace SharpClaw.Providers.Common;

/// <summary>Joins a provider base URL and a relative API path without losing the base's own path.</summary>
internal static class UriPaths
{
    public static Uri Append(Uri baseUrl, string relative)
        => new(baseUrl.ToString().TrimEnd('/') + "/" + relative.TrimStart('/'));
}
