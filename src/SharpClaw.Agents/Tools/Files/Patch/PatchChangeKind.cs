namespace SharpClaw.Agents.Tools.Files.Patch;

public enum PatchChangeKind
{
    Add,
    Update,
    Delete,
}
