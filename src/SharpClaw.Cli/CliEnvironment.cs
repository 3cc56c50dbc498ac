using SharpClaw.Core.State;
using Spectre.Console;

namespace SharpClaw.Cli;

/// <summary>What a CLI invocation talks to: output streams, environment, state paths and time (tests swap them).</summary>
public sealed class CliEnvironment
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    public required Func<string, string?> Env { get; init; }

    public required StatePaths Paths { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public bool Interactive { get; init; }

    public static CliEnvironment FromProcess() => new()
    {
        Out = System.Console.Out,
        Error = System.Console.Error,
        Env = Environment.GetEnvironmentVariable,
        Paths = StatePaths.Resolve(),
        Interactive = !System.Console.IsOutputRedirected,
    };

    /// <summary>A Spectre console over <see cref="Out"/> (plain text when not interactive).</summary>
    public IAnsiConsole CreateConsole() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Out),
        Ansi = Interactive ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = Interactive ? InteractionSupport.Detect : InteractionSupport.No,
    });
}
