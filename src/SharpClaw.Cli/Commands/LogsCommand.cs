using System.CommandLine;
using System.Text.Json.Nodes;

namespace SharpClaw.Cli.Commands;

/// <summary><c>sharpclaw logs [--follow] [--lines N]</c> over <c>logs.tail</c>.</summary>
public static class LogsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new lines (Ctrl+C to stop)" };
        var lines = new Option<int>("--lines", "-n") { Description = "How many lines to show first", DefaultValueFactory = _ => 100 };
        var logs = new Command("logs", "Show the gateway's log");
        logs.Options.Add(follow);
        logs.Options.Add(lines);
        logs.SetAction(async (parse, ct) =>
        {
            var json = parse.GetValue(GlobalOptions.Json);
            await using var client = await GatewayConnector.ConnectAsync(parse, env, ct);
            long? cursor = null;
            var first = true;
            do
            {
                if (!first)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), env.Time, ct);
                }

                var p = new JsonObject { ["limit"] = Math.Clamp(parse.GetValue(lines), 1, 5000) };
                if (cursor is { } c)
                {
                    p["cursor"] = c;
                }

                var result = await client.CallAsync("logs.tail", p, ct: ct);
                cursor = (long?)result!["cursor"];
                foreach (var line in result["lines"]!.AsArray())
                {
                    await env.Out.WriteLineAsync(json ? (string)line! : Human((string)line!));
                }

                first = false;
            }
            while (parse.GetValue(follow) && !ct.IsCancellationRequested);
            return 0;
        });
        return logs;
    }

    private static string Human(string line)
    {
        try
        {
            var o = JsonNode.Parse(line);
            return $"{(string?)o!["time"]} {((string?)o["level"] ?? "info").ToUpperInvariant(),-5} [{(string?)o["subsystem"]}] {(string?)o["message"]}";
        }
        catch (System.Text.Json.JsonException)
        {
            return line;
        }
    }
}
