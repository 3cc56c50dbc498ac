using System.CommandLine;
using SharpClaw.Cli.Commands;
using SharpClaw.Core.Client;

namespace SharpClaw.Cli;

/// <summary>The <c>sharpclaw</c> command tree. <see cref="RunAsync"/> is the entry point for Program and tests.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliEnvironment env, CancellationToken ct = default)
    {
        var root = new RootCommand("SharpClaw — an OpenClaw-compatible personal AI assistant gateway");
        root.Options.Add(GlobalOptions.Url);
        root.Options.Add(GlobalOptions.Token);
        root.Options.Add(GlobalOptions.Password);
        root.Options.Add(GlobalOptions.Json);
        root.Subcommands.Add(GatewayCommands.Create(env));
        root.Subcommands.Add(SimpleCallCommand.Create(env, "health", "Gateway health", "health"));
        root.Subcommands.Add(SimpleCallCommand.Create(env, "status", "Gateway status summary", "status"));
        root.Subcommands.Add(ConfigCommands.Create(env));
        root.Subcommands.Add(DeviceCommands.Create(env));
        root.Subcommands.Add(LogsCommand.Create(env));
        root.Subcommands.Add(AgentCommands.CreateAgent(env));
        root.Subcommands.Add(AgentCommands.CreateSessions(env));
        root.Subcommands.Add(AgentCommands.CreateModels(env));
        root.Subcommands.Add(AgentCommands.CreateUsage(env));
        var parse = root.Parse(args);
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = env.Out, Error = env.Error, EnableDefaultExceptionHandler = false }, ct);
        }
        catch (CliError e)
        {
            await env.Error.WriteLineAsync($"error: {e.Message}");
            if (e.Hint is not null)
            {
                await env.Error.WriteLineAsync($"hint: {e.Hint}");
            }

            return e.ExitCode;
        }
        catch (GatewayCallException e)
        {
            var explained = GatewayConnector.Explain(e);
            await env.Error.WriteLineAsync($"error: {explained.Message}");
            if (explained.Hint is not null)
            {
                await env.Error.WriteLineAsync($"hint: {explained.Hint}");
            }

            return explained.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
    }
}
