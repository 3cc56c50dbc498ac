using System.CommandLine;
using System.Text.Json.Nodes;
using SharpClaw.Core.Config;
using SharpClaw.Gateway.Hosting;

namespace SharpClaw.Cli.Commands;

/// <summary><c>sharpclaw gateway [run]</c> hosts the gateway; <c>sharpclaw gateway call &lt;method&gt;</c> calls any method.</summary>
public static class GatewayCommands
{
    public static Command Create(CliEnvironment env)
    {
        var port = new Option<int?>("--port") { Description = "Port (overrides gateway.port)" };
        var bind = new Option<string?>("--bind") { Description = "loopback | lan | custom IP (overrides gateway.bind)" };
        var verbose = new Option<bool>("--verbose") { Description = "Log to the console too (debug level)" };
        var gateway = new Command("gateway", "Run the gateway in this process (or call one: `gateway call`)");
        gateway.Options.Add(port);
        gateway.Options.Add(bind);
        gateway.Options.Add(verbose);
        Func<ParseResult, CancellationToken, Task<int>> run = (parse, ct) => GatewayHost.RunAsync(new GatewayHostOptions
        {
            Paths = env.Paths,
            Port = parse.GetValue(port),
            Bind = parse.GetValue(bind),
            Token = parse.GetValue(GlobalOptions.Token),
            Password = parse.GetValue(GlobalOptions.Password),
            Verbose = parse.GetValue(verbose),
            Console = env.Error,
            Environment = env.Env,
        }, ct);
        gateway.SetAction(run);
        var runCommand = new Command("run", "Run the gateway in this process");
        runCommand.Options.Add(port);
        runCommand.Options.Add(bind);
        runCommand.Options.Add(verbose);
        runCommand.SetAction(run);
        gateway.Subcommands.Add(runCommand);

        var method = new Argument<string>("method") { Description = "Method name, e.g. health" };
        var parameters = new Option<string?>("--params") { Description = "Method params as JSON or JSON5" };
        var expectFinal = new Option<bool>("--expect-final") { Description = "Wait for the final response of two-phase methods (agent)" };
        var call = new Command("call", "Call a gateway method and print the result");
        call.Arguments.Add(method);
        call.Options.Add(parameters);
        call.Options.Add(expectFinal);
        call.SetAction(async (parse, ct) =>
        {
            JsonNode? p = null;
            if (parse.GetValue(parameters) is { } raw)
            {
                try
                {
                    p = Json5Reader.Parse(raw);
                }
                catch (Json5Exception ex)
                {
                    throw new CliError($"--params is not valid JSON: {ex.Message}", "quote it for your shell, e.g. --params '{\"limit\": 10}'");
                }
            }

            await using var client = await GatewayConnector.ConnectAsync(parse, env, ct);
            Output.Json(env, await client.CallAsync(parse.GetValue(method)!, p, TimeSpan.FromMinutes(10), parse.GetValue(expectFinal), ct));
            return 0;
        });
        gateway.Subcommands.Add(call);
        return gateway;
    }
}
