namespace SharpClaw.Core.Config;

/// <summary>A JSON5 syntax error with a 1-based position.</summary>
public sealed class Json5Exception : FormatException
{
    public Json5Exception(string message, int line, int column)
        : base($"{message} at line {line}, column {column}")
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }

    public int Column { get; }
}
