using System.Text.Json.Nodes;

namespace SharpClaw.Agents.Tools.Exec;

/// <summary>
/// <c>exec(command, timeout_ms?, cwd?, env?)</c> → <c>{stdout, stderr, exit_code}</c> under the exec policy:
/// <c>deny</c> refuses; <c>full</c> runs through <c>/bin/sh -c</c>; <c>allowlist</c> runs allowlisted commands and
/// safe binaries as a literal argv (no shell) and, with <c>ask=on-miss</c>, asks an operator for the rest;
/// <c>ask=always</c> asks every time. Approved commands run exactly as shown. A timeout kills the process tree.
/// </summary>
public sealed class ExecTool(ExecAuthorizer authorizer, TimeProvider time) : RefusingTool
{
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
        var timeoutArg = ToolArgs.Long(args, "timeout_ms", 1, 24L * 3600 * 1000);
        var plan = await authorizer.AuthorizeAsync(command, args, context, ct);
        var timeoutMs = timeoutArg ?? plan.Policy.TimeoutSeconds * 1000L;
        var result = await ProcessRunner.RunAsync(plan.StartInfo(), TimeSpan.FromMilliseconds(timeoutMs), time, ct);
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

        return new ToolResult(payload.ToJsonString(), result.TimedOut, new JsonObject { ["status"] = result.TimedOut ? "failed" : "completed", ["exitCode"] = result.ExitCode, ["durationMs"] = result.DurationMs, ["cwd"] = plan.DisplayCwd });
    }
}
