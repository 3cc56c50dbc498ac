using System.CommandLine;
using System.Text.Json.Nodes;

namespace SharpClaw.Cli.Commands;

/// <summary><c>sharpclaw devices list|approve|reject|remove</c>.</summary>
public static class DeviceCommands
{
    public static Command Create(CliEnvironment env)
    {
        var devices = new Command("devices", "Device pairing: pending requests and paired devices");
        var list = new Command("list", "List pending requests and paired devices");
        list.SetAction(async (parse, ct) =>
        {
            await using var client = await GatewayConnector.ConnectAsync(parse, env, ct);
            var result = await client.CallAsync("device.pair.list", new JsonObject(), ct: ct);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Output.Json(env, result);
                return 0;
            }

            Output.Table(env, "Pending pairing requests", ["Request", "Device", "Client", "Role", "Scopes", "From"],
                result!["pending"]!.AsArray().Select(p => new[]
                {
                    (string)p!["requestId"]!, Short((string?)p["deviceId"]), $"{p["clientId"]}/{p["clientMode"]}", (string?)p["role"] ?? "-",
                    string.Join(",", p["scopes"]!.AsArray().Select(s => (string?)s)), (string?)p["remoteIp"] ?? "-",
                }));
            Output.Table(env, "Paired devices", ["Device", "Client", "Roles", "Scopes", "Platform"],
                result["paired"]!.AsArray().Select(d => new[]
                {
                    (string)d!["deviceId"]!, (string?)d["clientId"] ?? "-", string.Join(",", d["roles"]!.AsArray().Select(s => (string?)s)),
                    string.Join(",", d["scopes"]!.AsArray().Select(s => (string?)s)), (string?)d["platform"] ?? "-",
                }));
            return 0;
        });
        devices.Subcommands.Add(list);
        devices.Subcommands.Add(Action(env, "approve", "Approve a pending request", "requestId", "device.pair.approve"));
        devices.Subcommands.Add(Action(env, "reject", "Reject a pending request", "requestId", "device.pair.reject"));
        devices.Subcommands.Add(Action(env, "remove", "Remove a paired device (closes its connections)", "deviceId", "device.pair.remove"));
        return devices;
    }

    private static Command Action(CliEnvironment env, string name, string description, string argName, string method)
    {
        var arg = new Argument<string>(argName);
        var command = new Command(name, description);
        command.Arguments.Add(arg);
        command.SetAction(async (parse, ct) =>
        {
            await using var client = await GatewayConnector.ConnectAsync(parse, env, ct);
            var result = await client.CallAsync(method, new JsonObject { [argName] = parse.GetValue(arg) }, ct: ct);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Output.Json(env, result);
            }
            else
            {
                await env.Out.WriteLineAsync($"{name}d {parse.GetValue(arg)}".Replace("removed", "removed", StringComparison.Ordinal));
            }

            return 0;
        });
        return command;
    }

    private static string Short(string? id) => id is null ? "-" : id.Length > 16 ? id[..16] + "…" : id;
}
