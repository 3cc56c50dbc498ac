using System.CommandLine;
using System.Text.Json.Nodes;

namespace SharpClaw.Cli.Commands;

/// <summary>Commands that call one method and print the result (<c>health</c>, <c>status</c>).</summary>
public static class SimpleCallCommand
{
    public static Command Create(CliEnvironment env, string name, string description, string method)
    {
        var command = new Command(name, description);
        command.SetAction(async (parse, ct) =>
        {
            await using var client = await GatewayConnector.ConnectAsync(parse, env, ct);
            var result = await client.CallAsync(method, new JsonObject(), ct: ct);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Output.Json(env, result);
            }
            else
            {
                Output.KeyValues(env, $"sharpclaw {name}", Flatten(result, string.Empty));
            }

            return 0;
        });
        return command;
    }

    public static IEnumerable<(string, string)> Flatten(JsonNode? node, string prefix)
    {
        if (node is JsonObject o)
        {
            foreach (var (k, v) in o)
            {
                var key = prefix.Length == 0 ? k : $"{prefix}.{k}";
                if (v is JsonObject)
                {
                    foreach (var row in Flatten(v, key))
                    {
                        yield return row;
                    }
                }
                else
                {
                    yield return (key, Output.Scalar(v));
                }
            }
        }
        else
        {
            yield return (prefix.Length == 0 ? "value" : prefix, Output.Scalar(node));
        }
    }
}
