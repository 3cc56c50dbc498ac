namespace SharpClaw.Cli;

/// <summary>An expected failure: printed as "what went wrong" + "what to do", no stack trace.</summary>
public sealed class CliError(string message, string? hint = null, int exitCode = 1) : Exception(message)
{
    public string? Hint { get; } = hint;

    public int ExitCode { get; } = exitCode;
}
