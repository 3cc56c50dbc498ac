using System.Text.Json.Nodes;
using SharpClaw.Agents.Tools.Files;

namespace SharpClaw.Agents.Tools.Exec;

/// <summary>
/// <c>exec(command, timeout_ms?, cwd?, env?)</c> → <c>{stdout, stderr, exit_code}</c> under the exec policy:
/// <c>deny</c> refuses; <c>full</c> runs through <c>/bin/sh -c</c>; <c>allowlist</c> runs allowlisted commands and
/// safe binaries as a literal argv (no shell) and, with <c>ask=on-miss</c>, asks an operator for the rest;
/// <c>ask=always</c> asks every time. Approved commands run exactly as shown. A timeout kills the process tree.
/// </summary>
public sealed class ExecTool(Func<JsonObject?> config, ExecApprovalsFile approvals, IExecApprovalBroker broker, TimeProvider time) : RefusingTool
{
    public const int MaxCommandChars = 16_384;

    public override string Name => "exec";

    public override string Description => "Run a shell command in the workspace and return {stdout, stderr, exit_code}. Subject to the exec security policy; commands that are not allowlisted may need an operator's approval. Do not background with a trailing &.";

    public override JsonObject ParametersSchema
    {
        get
        {
            var schema = Schema(["command"],
                ("command", "string", "the command line"),
                ("timeout_ms", "integer", "kill the command (and its children) after this many milliseconds"),
                ("cwd", "string", "working directory relative to the workspace"));
            schema["properties"]!["env"] = new JsonObject { ["type"] = "object", ["description"] = "extra environment variables", ["additionalProperties"] = new JsonObject { ["type"] = "string" } };
            return schema;
        }
    }

    protected override async Task<ToolResult> RunAsync(JsonObject args, ToolContext context, CancellationToken ct)
    {
        var command = ToolArgs.RequiredString(args, "command", "cmd");
        if (command.Trim().Length == 0)
        {
            throw new ToolArgumentException("Provide a command to start.");
        }

        if (command.Length > MaxCommandChars)
        {
            throw new ToolArgumentException($"command is {command.Length} characters; exec accepts at most {MaxCommandChars} (write a script file instead)");
        }

        if (command.Contains('\0', StringComparison.Ordinal))
        {
            throw new ToolRefusedException("exec refused: the command contains a NUL byte");
        }

        var cfg = config();
        var policy = ExecPolicy.Resolve(cfg, context.AgentId, approvals);
        var guard = FileToolSettings.Guard(cfg, context);
        Directory.CreateDirectory(guard.Root);
        var cwd = ToolArgs.String(args, "cwd", "workdir") is { } requested ? guard.Resolve(requested, PathAccess.Read) : guard.Root;
        if (!Directory.Exists(cwd))
        {
            throw new ToolArgumentException($"cwd {guard.Display(cwd)} is not a directory");
        }

        var env = ExecEnvironment.Build(ReadEnv(args));
        var defaultTimeoutMs = policy.TimeoutSeconds * 1000L;
        var timeoutMs = ToolArgs.Long(args, "timeout_ms", 1, 24L * 3600 * 1000) ?? defaultTimeoutMs;
        if (policy.Security == "deny")
        {
            throw new ToolRefusedException("exec denied: host=gateway security=deny (tools.exec.security or the exec-approvals file forbids running commands)");
        }

        var analysis = CommandAnalyzer.Analyze(command);
        string? resolved = analysis.Argv is { } a ? ExecAllowlistMatcher.ResolveExecutable(a[0], cwd, env["PATH"]) : null;
        var miss = analysis.Refusal ?? ExecAllowlistMatcher.Check(analysis.Argv!, resolved, approvals.Allowlist(context.AgentId), policy);
        IReadOnlyList<string>? directArgv = null;
        if (policy.Ask != "always" && policy.Security == "allowlist" && miss is null)
        {
            directArgv = [resolved!, .. analysis.Argv!.Skip(1)];
        }
        else if (policy.Ask == "always" || (policy.Security == "allowlist" && policy.Ask == "on-miss"))
        {
            var outcome = await broker.RequestAsync(new ExecApprovalRequest
            {
                Command = command,
                Cwd = cwd,
                AgentId = context.AgentId,
                SessionKey = context.SessionKey,
                RunId = context.RunId,
                Security = policy.Security,
                Ask = policy.Ask,
                Reason = miss ?? "ask=always",
                AllowAlwaysAvailable = policy.Ask != "always" && resolved is not null && analysis.Argv is not null,
                TimeoutMs = null,
            }, ct);
            if (!outcome.Allowed)
            {
                var fallback = outcome.Decision is "timeout" or "no-route" ? policy.AskFallback : "deny";
                if (fallback != "full")
                {
                    throw new ToolRefusedException(outcome.Decision switch
                    {
                        "deny" => $"exec denied: the operator denied this command (approval {outcome.Id}). Nothing was run.",
                        "no-route" => $"exec denied: approval required ({miss ?? "ask=always"}) but no operator client with operator.approvals is connected; askFallback={policy.AskFallback}. Nothing was run.",
                        _ => $"exec denied: approval timed out (approval {outcome.Id}); askFallback={policy.AskFallback}. Nothing was run.",
                    });
                }
            }
            else if (outcome.Decision == "allow-always" && resolved is not null)
            {
                await approvals.AddAllowAlwaysAsync(context.AgentId, resolved, command, CancellationToken.None);
            }
        }
        else if (policy.Security == "allowlist")
        {
            throw new ToolRefusedException($"exec denied: allowlist miss ({miss}). Ask an operator to allowlist the executable or enable approvals (tools.exec.ask=on-miss).");
        }

        var psi = ProcessRunner.StartInfo(directArgv, directArgv is null ? command : null, cwd, env);
        var result = await ProcessRunner.RunAsync(psi, TimeSpan.FromMilliseconds(timeoutMs), time, ct);
        var payload = new JsonObject
        {
            ["stdout"] = result.Stdout,
            ["stderr"] = result.Stderr,
            ["exit_code"] = result.ExitCode,
        };
        if (result.TimedOut)
        {
            payload["timed_out"] = true;
            payload["error"] = $"Command timed out after {timeoutMs} ms and was killed (with its child processes). Re-run with a higher timeout_ms if it needs longer.";
        }

        return new ToolResult(payload.ToJsonString(), result.TimedOut, new JsonObject { ["status"] = result.TimedOut ? "failed" : "completed", ["exitCode"] = result.ExitCode, ["durationMs"] = result.DurationMs, ["cwd"] = guard.Display(cwd) });
    }

    private static Dictionary<string, string>? ReadEnv(JsonObject args)
    {
        if (args["env"] is not JsonObject env)
        {
            return null;
        }

        if (env.Count > 64)
        {
            throw new ToolArgumentException("env may set at most 64 variables");
        }

        return env.ToDictionary(kv => kv.Key, kv => kv.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new ToolArgumentException($"env.{kv.Key} must be a string"), StringComparer.Ordinal);
    }
}
