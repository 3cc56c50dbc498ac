namespace SharpClaw.Providers.Registry;

/// <summary>An API key and where it came from (<c>env:NAME</c> or <c>config</c>), for status output without the secret.</summary>
internal sealed record ResolvedApiKey(string Value, string Source)
{
    public override string ToString() => $"ResolvedApiKey({Source})";
}
