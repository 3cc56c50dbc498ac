using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config;

/// <summary>The outcome of <see cref="MergePatch.Apply"/>.</summary>
/// <param name="Merged">The merged document (a new tree).</param>
/// <param name="RemovedArrayPaths">Arrays that would lose entries and are not covered by <c>replacePaths</c>.</param>
/// <param name="ForbiddenKeyPaths">Where the patch used <c>__proto__</c>, <c>constructor</c> or <c>prototype</c>.</param>
public sealed record MergePatchResult(JsonObject Merged, IReadOnlyList<string> RemovedArrayPaths, IReadOnlyList<string> ForbiddenKeyPaths);
