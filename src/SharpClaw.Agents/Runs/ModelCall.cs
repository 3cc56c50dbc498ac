namespace SharpClaw.Agents.Runs;

/// <summary>The model choice for one call: a primary ref/alias (null → default), fallbacks, strictness.</summary>
public sealed record ModelCall(string? Primary, IReadOnlyList<string> Fallbacks, bool Strict)
{
    /// <summary>Called with (provider, model) when a candidate starts answering.</summary>
    public Action<string, string>? OnModelSelected { get; init; }
}
