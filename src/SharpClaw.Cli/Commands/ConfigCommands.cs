using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using SharpClaw.Core.Config;
using SharpClaw.Core.State;

namespace SharpClaw.Cli.Commands;

/// <summary>
/// <c>sharpclaw config get|set|validate</c>, working on the config file directly (no gateway needed). A running
/// gateway hot-reloads the file. <c>config get &lt;path&gt;</c> prints exactly the value asked for — this is how
/// to read a secret such as <c>gateway.auth.token</c>; the whole-file view redacts secrets.
/// </summary>
public static class ConfigCommands
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliEnvironment env)
    {
        var config = new Command("config", "Read, change and validate the config file");
        var getPath = new Argument<string?>("path") { Description = "Dotted path, e.g. gateway.port", Arity = ArgumentArity.ZeroOrOne };
        var get = new Command("get", "Print the config, or one value by dotted path");
        get.Arguments.Add(getPath);
        get.SetAction(parse =>
        {
            var root = Load(env);
            var path = parse.GetValue(getPath);
            if (string.IsNullOrEmpty(path))
            {
                env.Out.WriteLine(ConfigRedactor.Redact(root).ToJsonString(Pretty));
                return 0;
            }

            var node = Navigate(root, path) ?? throw new CliError($"{path} is not set in {env.Paths.ConfigPath}");
            env.Out.WriteLine(node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : node.ToJsonString(Pretty));
            return 0;
        });

        var setPath = new Argument<string>("path") { Description = "Dotted path" };
        var setValue = new Argument<string>("value") { Description = "JSON5 literal (number, true, {…}) or plain text" };
        var set = new Command("set", "Set one value (atomic write; a running gateway reloads it)");
        set.Arguments.Add(setPath);
        set.Arguments.Add(setValue);
        set.SetAction(async (parse, ct) =>
        {
            var root = File.Exists(env.Paths.ConfigPath) ? Load(env) : new JsonObject();
            var raw = parse.GetValue(setValue)!;
            JsonNode? value;
            try
            {
                value = Json5Reader.Parse(raw);
            }
            catch (Json5Exception)
            {
                value = JsonValue.Create(raw);
            }

            var path = parse.GetValue(setPath)!;
            SetAt(root, path, value);
            var issues = ConfigSchema.Validate(root);
            if (issues.Count > 0)
            {
                foreach (var issue in issues)
                {
                    await env.Error.WriteLineAsync(issue.ToString());
                }

                throw new CliError("not saved: the change would make the config invalid");
            }

            env.Paths.EnsureStateDir();
            await AtomicFile.WriteAllTextAsync(env.Paths.ConfigPath, root.ToJsonString(Pretty) + "\n", ct);
            await env.Out.WriteLineAsync($"set {path} in {env.Paths.ConfigPath}");
            return 0;
        });

        var validate = new Command("validate", "Check the config file; lists every problem with its fix");
        validate.SetAction(async (parse, ct) =>
        {
            try
            {
                using var store = await ConfigStore.LoadAsync(env.Paths.ConfigPath, env.Paths.StateDir, env.Env, env.Time, ct);
                if (parse.GetValue(GlobalOptions.Json))
                {
                    Output.Json(env, new JsonObject { ["valid"] = true, ["path"] = env.Paths.ConfigPath, ["issues"] = new JsonArray() });
                }
                else
                {
                    await env.Out.WriteLineAsync($"{env.Paths.ConfigPath}: valid{(store.Current.Exists ? string.Empty : " (no file: defaults apply)")}");
                }

                return 0;
            }
            catch (ConfigValidationException ex)
            {
                if (parse.GetValue(GlobalOptions.Json))
                {
                    var issues = new JsonArray();
                    foreach (var i in ex.Issues)
                    {
                        issues.Add((JsonNode)new JsonObject { ["path"] = i.Path, ["message"] = i.Message, ["fix"] = i.Fix });
                    }

                    Output.Json(env, new JsonObject { ["valid"] = false, ["path"] = env.Paths.ConfigPath, ["issues"] = issues });
                }
                else
                {
                    await env.Out.WriteLineAsync($"{env.Paths.ConfigPath}: {ex.Issues.Count} problem(s)");
                    foreach (var issue in ex.Issues)
                    {
                        await env.Out.WriteLineAsync(issue.ToString());
                    }
                }

                return 1;
            }
        });
        config.Subcommands.Add(get);
        config.Subcommands.Add(set);
        config.Subcommands.Add(validate);
        return config;
    }

    private static JsonObject Load(CliEnvironment env)
    {
        if (!File.Exists(env.Paths.ConfigPath))
        {
            throw new CliError($"no config file at {env.Paths.ConfigPath}", "start the gateway once (`sharpclaw gateway`) or create it with `sharpclaw config set <path> <value>`");
        }

        try
        {
            return Json5Reader.Parse(File.ReadAllText(env.Paths.ConfigPath)) as JsonObject ?? throw new CliError("the config file is not a JSON object");
        }
        catch (Json5Exception ex)
        {
            throw new CliError($"{env.Paths.ConfigPath} is not valid JSON5: {ex.Message}", "fix the file; `sharpclaw config validate` lists every problem");
        }
    }

    private static JsonNode? Navigate(JsonObject root, string path)
    {
        JsonNode? node = root;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node;
    }

    private static void SetAt(JsonObject root, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject next)
            {
                next = new JsonObject();
                node[part] = next;
            }

            node = next;
        }

        node[parts[^1]] = value;
    }
}
