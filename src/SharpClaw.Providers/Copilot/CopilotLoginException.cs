namespace SharpClaw.Providers.Copilot;

/// <summary>The device login did not produce a token (denied, expired, or GitHub answered something unexpected).</summary>
public sealed class CopilotLoginException : Exception
{
    public CopilotLoginException()
    {
    }

    public CopilotLoginException(string message)
        : base(message)
    {
    }

    public CopilotLoginException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
