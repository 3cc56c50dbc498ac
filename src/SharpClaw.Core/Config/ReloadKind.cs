namespace SharpClaw.Core.Config;

/// <summary>How a changed config path takes effect.</summary>
public enum ReloadKind
{
    /// <summary>Just swap the snapshot; read on next use.</summary>
    None,

    /// <summary>Applied in-process.</summary>
    Hot,

    /// <summary>Needs a gateway restart.</summary>
    Restart,
}
