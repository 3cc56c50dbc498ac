using System.Text.Json.Nodes;
using SharpClaw.Agents.Tools.Files;

namespace SharpClaw.Agents.Tools.Exec;

/// <summary>
/// Decides whether a command may run and how: <c>deny</c> refuses; <c>full</c> runs through <c>/bin/sh -c</c>;
/// <c>allowlist</c> runs allowlisted commands and safe binaries as a literal argv (no shell) and, with
/// <c>ask=on-miss</c>, asks an operator for the rest; <c>ask=always</c> asks every time. Approved commands run exactly
/// as shown; allow-always persists the executable. Shared by <c>exec</c> and <c>process start</c>.
/// </summary>
public sealed class ExecAuthorizer(Func<JsonObject?> config, ExecApprovalsFile approvals, IExecApprovalBroker broker)
{
    public const int MaxCommandChars = 16_384;

    public async Task<ExecPlan> AuthorizeAsync(string command, JsonObject args, ToolContext context, CancellationToken ct)
    {
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

        return new ExecPlan(directArgv, directArgv is null ? command : null, cwd, guard.Display(cwd), env, policy);
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
