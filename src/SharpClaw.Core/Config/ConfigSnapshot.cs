using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config;

/// <summary>
/// The config at one moment. Snapshots are never modified after they are published; treat the JSON trees
/// as read-only (clone before editing).
/// </summary>
public sealed record ConfigSnapshot
{
    public required string Path { get; init; }

    /// <summary>Whether the file exists (no file = all defaults).</summary>
    public bool Exists { get; init; }

    /// <summary>The file's text as written by the user (null when there is no file).</summary>
    public string? Raw { get; init; }

    /// <summary>The parsed file, before <c>${VAR}</c> substitution (what config writes start from).</summary>
    public JsonObject Parsed { get; init; } = [];

    /// <summary>The effective config: <c>${VAR}</c>-substituted, env SecretRefs resolved, environment overrides applied.</summary>
    public JsonObject Resolved { get; init; } = [];

    /// <summary>Config paths in <see cref="Resolved"/> that came from environment overrides (e.g. <c>gateway.auth.token</c>).</summary>
    public IReadOnlyList<string> EnvOverrides { get; init; } = [];

    /// <summary>Opaque revision token of the raw file (null when there is no file).</summary>
    public string? Hash { get; init; }

    public IReadOnlyList<ConfigIssue> Issues { get; init; } = [];

    public bool Valid => Issues.Count == 0;
}
