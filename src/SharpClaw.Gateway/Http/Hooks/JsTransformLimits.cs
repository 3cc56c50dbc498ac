namespace SharpClaw.Gateway.Http.Hooks;

/// <summary>What one JavaScript transform call may use: wall time (<c>hooks.transformTimeoutMs</c>), memory, call depth, statements.</summary>
internal sealed record JsTransformLimits(TimeSpan Timeout)
{
    /// <summary>Bytes the call may allocate.</summary>
    public long MemoryBytes { get; init; } = 64L * 1024 * 1024;

    public int RecursionDepth { get; init; } = 256;

    public int MaxStatements { get; init; } = 50_000_000;

    /// <summary>Largest module file read (source text).</summary>
    public long MaxSourceBytes { get; init; } = 1024 * 1024;

    /// <summary>Largest override object returned (as JSON text).</summary>
    public int MaxResultChars { get; init; } = 1024 * 1024;
}
