namespace SharpClaw.Protocol.Frames;

/// <summary>Top-level <c>error.code</c> values of OpenClaw's ErrorShape.</summary>
public static class ErrorCodes
{
    public const string InvalidRequest = "INVALID_REQUEST";
    public const string Forbidden = "FORBIDDEN";
    public const string NotPaired = "NOT_PAIRED";
    public const string Unavailable = "UNAVAILABLE";
    public const string ApprovalNotFound = "APPROVAL_NOT_FOUND";
}
