using System.CommandLine;
using System.Text.Json.Nodes;

namespace SharpClaw.Cli.Commands;

/// <summary><c>sharpclaw agent</c>, <c>sessions</c>, <c>models</c> and <c>usage</c>.</summary>
public static class AgentCommands
{
    public static Command CreateAgent(CliEnvironment env)
    {
        var message = new Option<string>("--message", "-m") { Description = "What to say", Required = true };
        var agent = new Option<string?>("--agent") { Description = "Agent id (default: the default agent)" };
        var session = new Option<string?>("--session") { Description = "Session key (default: the agent's main session)" };
        var thinking = new Option<string?>("--thinking") { Description = "off | minimal | low | medium | high" };
        var local = new Option<bool>("--local") { Description = "Run the agent in this process, without a gateway" };
        var command = new Command("agent", "Send a message to an agent and stream the reply");
        command.Options.Add(message);
        command.Options.Add(agent);
        command.Options.Add(session);
        command.Options.Add(thinking);
        command.Options.Add(local);
        command.SetAction(async (parse, ct) =>
        {
            var request = new JsonObject
            {
                ["message"] = parse.GetValue(message),
                ["idempotencyKey"] = Guid.NewGuid().ToString(),
            };
            if (parse.GetValue(agent) is { } a)
            {
                request["agentId"] = a;
            }

            if (parse.GetValue(session) is { } s)
            {
                request["sessionKey"] = s;
            }

            if (parse.GetValue(thinking) is { } t)
            {
                request["thinking"] = t;
            }

            if (parse.GetValue(local))
            {
                return await LocalAgent.RunAsync(env, request, parse.GetValue(GlobalOptions.Json), ct);
            }

            await using var client = await GatewayConnector.ConnectAsync(parse, env, ct);
            var runId = (string)request["idempotencyKey"]!;
            var printed = false;
            client.EventReceived += e =>
            {
                if (e.Name == "chat" && (string?)e.Payload?["runId"] == runId && (string?)e.Payload?["state"] == "delta")
                {
                    env.Out.Write((string?)e.Payload?["deltaText"]);
                    printed = true;
                }
            };
            var final = await client.CallAsync("agent", request, TimeSpan.FromHours(48), expectFinal: true, ct: ct);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Output.Json(env, final);
            }
            else if (!printed)
            {
                await env.Out.WriteLineAsync((string?)final?["result"]?["text"] ?? string.Empty);
            }
            else
            {
                await env.Out.WriteLineAsync();
            }

            return (string?)final?["status"] == "ok" ? 0 : 1;
        });
        return command;
    }

    public static Command CreateSessions(CliEnvironment env)
    {
        var sessions = new Command("sessions", "List and manage sessions");
        var list = new Command("list", "List sessions");
        list.SetAction(async (parse, ct) =>
        {
            await using var client = await GatewayConnector.ConnectAsync(parse, env, ct);
            var result = await client.CallAsync("sessions.list", new JsonObject(), ct: ct);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Output.Json(env, result);
                return 0;
            }

            Output.Table(env, "Sessions", ["Key", "Model", "In", "Out", "Cost $", "Compactions", "Updated"],
                result!["sessions"]!.AsArray().Select(r => new[]
                {
                    (string)r!["key"]!, $"{r["modelProvider"]}/{r["model"]}".Trim('/'), Output.Scalar(r["inputTokens"]), Output.Scalar(r["outputTokens"]),
                    ((double?)r["estimatedCostUsd"] ?? 0).ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture), Output.Scalar(r["compactionCount"]),
                    DateTimeOffset.FromUnixTimeMilliseconds((long?)r["updatedAt"] ?? 0).ToString("u", System.Globalization.CultureInfo.InvariantCulture),
                }));
            return 0;
        });
        sessions.Subcommands.Add(list);
        var key = new Argument<string>("key") { Description = "Session key (e.g. main or agent:main:main)" };
        var show = new Command("show", "Show a session's transcript");
        show.Arguments.Add(key);
        show.SetAction(async (parse, ct) =>
        {
            await using var client = await GatewayConnector.ConnectAsync(parse, env, ct);
            var result = await client.CallAsync("chat.history", new JsonObject { ["sessionKey"] = parse.GetValue(key) }, ct: ct);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Output.Json(env, result);
                return 0;
            }

            foreach (var m in result!["messages"]!.AsArray())
            {
                await env.Out.WriteLineAsync($"{(string?)m!["role"]}: {TextOf(m)}");
            }

            return 0;
        });
        sessions.Subcommands.Add(show);
        foreach (var (name, method, description) in new[] { ("reset", "sessions.reset", "Start the session over"), ("delete", "sessions.delete", "Delete the session and its transcript"), ("compact", "sessions.compact", "Summarise older history now") })
        {
            var arg = new Argument<string>("key");
            var c = new Command(name, description);
            c.Arguments.Add(arg);
            c.SetAction(async (parse, ct) =>
            {
                await using var client = await GatewayConnector.ConnectAsync(parse, env, ct);
                var result = await client.CallAsync(method, new JsonObject { ["key"] = parse.GetValue(arg) }, TimeSpan.FromMinutes(5), ct: ct);
                Output.Json(env, result);
                return 0;
            });
            sessions.Subcommands.Add(c);
        }

        var exportKey = new Argument<string>("key");
        var export = new Command("export", "Write the session's transcript as OpenClaw-style JSONL to stdout");
        export.Arguments.Add(exportKey);
        export.SetAction(async (parse, ct) =>
        {
            await using var client = await GatewayConnector.ConnectAsync(parse, env, ct);
            var result = await client.CallAsync("sessions.export", new JsonObject { ["key"] = parse.GetValue(exportKey) }, ct: ct);
            await env.Out.WriteAsync((string?)result?["jsonl"]);
            return 0;
        });
        sessions.Subcommands.Add(export);
        return sessions;
    }

    public static Command CreateModels(CliEnvironment env)
    {
        var models = new Command("models", "Model providers and models");
        var list = new Command("list", "List configured and discovered models");
        list.SetAction(async (parse, ct) =>
        {
            await using var client = await GatewayConnector.ConnectAsync(parse, env, ct);
            var result = await client.CallAsync("models.list", new JsonObject(), ct: ct);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Output.Json(env, result);
                return 0;
            }

            Output.Table(env, "Models", ["Model", "Name", "Context", "State"],
                result!["models"]!.AsArray().Select(m => new[] { (string)m!["id"]!, (string?)m["name"] ?? "-", Output.Scalar(m["contextWindow"]), (string?)m["state"] ?? (m["available"]?.GetValue<bool>() == true ? "ok" : "unavailable") }));
            return 0;
        });
        models.Subcommands.Add(list);
        models.Subcommands.Add(ModelsAuthCommands.Create(env));
        return models;
    }

    public static Command CreateUsage(CliEnvironment env)
    {
        var range = new Option<string?>("--range") { Description = "1d | 7d | 30d | 90d | 1y | all" };
        var usage = new Command("usage", "Token usage and cost");
        usage.Options.Add(range);
        usage.SetAction(async (parse, ct) =>
        {
            await using var client = await GatewayConnector.ConnectAsync(parse, env, ct);
            var p = new JsonObject();
            if (parse.GetValue(range) is { } r)
            {
                p["range"] = r;
            }

            var result = await client.CallAsync("usage.cost", p, ct: ct);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Output.Json(env, result);
                return 0;
            }

            Output.Table(env, $"Usage ({(string?)result!["range"]})", ["Model", "Calls", "Input", "Output", "Cache read", "Cost $"],
                result["byModel"]!.AsArray().Select(m => new[]
                {
                    (string)m!["model"]!, Output.Scalar(m["calls"]), Output.Scalar(m["input"]), Output.Scalar(m["output"]), Output.Scalar(m["cacheRead"]),
                    ((double?)m["costUsd"] ?? 0).ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture),
                }));
            await env.Out.WriteLineAsync($"total: ${((double?)result["totalUsd"] ?? 0).ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)}");
            return 0;
        });
        return usage;
    }

    private static string TextOf(JsonNode m) => m["content"] switch
    {
        JsonArray parts => string.Join(" ", parts.OfType<JsonObject>().Select(p => (string?)p["text"] ?? (p["name"] is not null ? $"[tool {p["name"]}]" : string.Empty))),
        JsonNode n => n.ToString(),
        _ => string.Empty,
    };
}
