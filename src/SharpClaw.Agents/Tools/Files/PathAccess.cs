namespace SharpClaw.Agents.Tools.Files;

/// <summary>What a file tool is about to do with a path (decides which alias checks apply).</summary>
public enum PathAccess
{
    Read,
    Write,

    /// <summary>Delete: a final symlink/hard link may itself be removed (it is not followed).</summary>
    Unlink,
}
