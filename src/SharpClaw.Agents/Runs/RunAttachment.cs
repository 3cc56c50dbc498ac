namespace SharpClaw.Agents.Runs;

/// <summary>An inline image for the model.</summary>
public sealed record RunAttachment(string MimeType, string Base64Data, string? FileName = null);
