namespace SharpClaw.Providers.Abstractions;

/// <summary>A <c>provider/model</c> reference (the model part may itself contain slashes, e.g. OpenRouter ids).</summary>
public sealed record ModelRef(string Provider, string Model)
{
    public static bool TryParse(string? text, out ModelRef? modelRef)
    {
        modelRef = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == trimmed.Length - 1)
        {
            return false;
        }

        modelRef = new ModelRef(trimmed[..slash].ToLowerInvariant(), trimmed[(slash + 1)..]);
        return true;
    }

    public override string ToString() => $"{Provider}/{Model}";
}
