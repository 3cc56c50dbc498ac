using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config;

/// <summary>An immutable view of the config at one moment.</summary>
public sealed record ConfigSnapshot
{
    public required string Path { get; init; }

    public bool Exists { get; init; }

    /// <summary>The file's text as written by the user (null when there is no file).</summary>
    public string? Raw { get; init; }

    /// <summary>The parsed file, before <c>${VAR}</c> substitution.</summary>
    public JsonObject Parsed { get; init; } = [];

    /// <summary>The effective config: env-substituted. Environment overrides are applied by the gateway.</summary>
    public JsonObject Resolved { get; init; } = [];

    /// <summary>Opaque revision token of the raw file (null when there is no file).</summary>
    public string? Hash { get; init; }

    public IReadOnlyList<ConfigIssue> Issues { get; init; } = [];

    public bool Valid => Issues.Count == 0;
}
