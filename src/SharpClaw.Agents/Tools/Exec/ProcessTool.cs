using System.Text.Json.Nodes;

namespace SharpClaw.Agents.Tools.Exec;

/// <summary>
/// <c>process(action: list|start|stop|signal|log|poll|write, pid?, command?, signal?, lines?, data?, eof?, timeout?)</c>:
/// background processes owned by this session. <c>start</c> goes through the same exec policy and approvals as
/// <c>exec</c>; other sessions' processes are invisible; <c>log</c> returns the tail of the combined output,
/// <c>poll</c> only what is new since the previous poll; <c>write</c> sends to stdin (start with <c>stdin: true</c>).
/// </summary>
public sealed class ProcessTool(ExecAuthorizer authorizer, BackgroundProcesses processes) : RefusingTool
{
    public override string Name => "process";

    public override string Description => "Manage background processes of this session: list, start (command; stdin: true keeps its input open for write), stop (pid), signal (pid, signal e.g. SIGTERM), log (pid, lines: tail of the output), poll (pid, timeout ms: output that is new since the last poll), write (pid, data, eof: true closes stdin).";

    public override JsonObject ParametersSchema => Schema(["action"],
        ("action", "string", "list, start, stop, signal, log, poll or write"),
        ("pid", "integer", "process id (stop, signal, log, poll, write)"),
        ("command", "string", "command line to start"),
        ("cwd", "string", "working directory relative to the workspace (start)"),
        ("signal", "string", "SIGTERM, SIGINT, SIGHUP, SIGKILL, SIGUSR1 or SIGUSR2"),
        ("lines", "integer", "log lines to return (default 200)"),
        ("stdin", "boolean", "start: keep standard input open so write can send to it (default false: closed)"),
        ("data", "string", $"write: text to send to stdin (at most {BackgroundProcessIo.MaxWriteChars} characters)"),
        ("eof", "boolean", "write: close stdin after the data"),
        ("timeout", "integer", $"poll: milliseconds to wait for new output (0-{BackgroundProcessIo.MaxPollWaitMs}, default 0)"));

    protected override async Task<ToolResult> RunAsync(JsonObject args, ToolContext context, CancellationToken ct)
    {
        var action = ToolArgs.RequiredString(args, "action");
        switch (action)
        {
            case "list":
                var rows = new JsonArray();
                foreach (var p in processes.Of(context.SessionKey))
                {
                    rows.Add((JsonNode)Describe(p));
                }

                var list = new JsonObject { ["processes"] = rows };
                return Ok(rows.Count == 0 ? "No running or recent processes." : list.ToJsonString(), list);
            case "start":
                var command = ToolArgs.RequiredString(args, "command");
                var plan = await authorizer.AuthorizeAsync(command, args, context, ct);
                var started = processes.Start(context.SessionKey, command, plan, ToolArgs.Bool(args, "stdin") ?? false);
                var desc = Describe(started);
                return Ok(desc.ToJsonString(), desc);
            case "stop":
                var target = Owned(args, context);
                BackgroundProcesses.Stop(target);
                return Ok($"Stopped process {target.Pid} (and its children).", new JsonObject { ["ok"] = true, ["pid"] = target.Pid });
            case "signal":
                var victim = Owned(args, context);
                var name = ToolArgs.String(args, "signal") ?? "SIGTERM";
                if (!PosixSignals.Numbers.TryGetValue(name, out var number))
                {
                    throw new ToolArgumentException($"unknown signal {name} (use one of {string.Join(", ", PosixSignals.Numbers.Keys)})");
                }

                if (!victim.Running || !PosixSignals.Send(victim.Pid, number))
                {
                    throw new ToolRefusedException($"could not signal process {victim.Pid} (it is not running)");
                }

                return Ok($"Sent {name.ToUpperInvariant()} to process {victim.Pid}.", new JsonObject { ["ok"] = true, ["pid"] = victim.Pid, ["signal"] = name.ToUpperInvariant() });
            case "log":
                var proc = Owned(args, context);
                var lines = (int)(ToolArgs.Long(args, "lines", 1, 5000) ?? 200);
                var all = proc.Log.ToString().Split('\n');
                var tail = string.Join('\n', all.TakeLast(lines));
                var note = all.Length > lines ? $"\n\n[showing last {lines} of {all.Length} lines]" : string.Empty;
                return Ok((tail.Length == 0 ? "(no output yet)" : tail) + note + (proc.Running ? "\n\nProcess still running." : $"\n\nProcess exited with code {proc.ExitCode}."), Describe(proc));
            case "poll":
                var waitMs = (int)(ToolArgs.Long(args, "timeout", 0, BackgroundProcessIo.MaxPollWaitMs) ?? 0);
                return await PollAsync(Owned(args, context), waitMs, ct);
            case "write":
                var writer = Owned(args, context);
                var eof = ToolArgs.Bool(args, "eof") ?? false;
                var data = ToolArgs.String(args, "data") ?? (eof ? string.Empty : throw new ToolArgumentException("data is required for write (or eof: true to only close stdin)"));
                var written = await BackgroundProcessIo.WriteAsync(writer, data, eof, processes.Time, ct);
                return Ok($"Wrote {written} bytes to process {writer.Pid}{(eof ? " (stdin closed)" : string.Empty)}.", new JsonObject { ["ok"] = true, ["pid"] = writer.Pid, ["bytes"] = written, ["stdinOpen"] = writer.StdinOpen });
            default:
                throw new ToolArgumentException($"Unknown action {action} (use list, start, stop, signal, log, poll or write)");
        }
    }

    private async Task<ToolResult> PollAsync(BackgroundProcess proc, int waitMs, CancellationToken ct)
    {
        var poll = await BackgroundProcessIo.PollAsync(proc, waitMs, processes.Time, ct);
        var text = new System.Text.StringBuilder();
        if (poll.Skipped > 0)
        {
            text.Append($"[{poll.Skipped} characters were dropped from the log before this poll]\n");
        }

        text.Append(poll.Text.Length == 0 ? "(no new output)" : poll.Text.TrimEnd());
        if (poll.More)
        {
            text.Append("\n\n[more output is waiting; poll again]");
        }

        text.Append(proc.Running ? "\n\nProcess still running." : $"\n\nProcess exited{(proc.ExitCode is { } code ? $" with code {code}" : string.Empty)}.");
        var details = Describe(proc);
        details["newChars"] = poll.Text.Length;
        details["skippedChars"] = poll.Skipped;
        details["more"] = poll.More;
        return Ok(text.ToString(), details);
    }

    private BackgroundProcess Owned(JsonObject args, ToolContext context)
    {
        var pid = (int)(ToolArgs.Long(args, "pid", 1, int.MaxValue) ?? throw new ToolArgumentException("pid is required for this action"));
        return processes.Find(context.SessionKey, pid) ?? throw new ToolRefusedException($"No process {pid} owned by this session (see process list)");
    }

    private static JsonObject Describe(BackgroundProcess p) => new()
    {
        ["pid"] = p.Pid,
        ["command"] = p.Command,
        ["status"] = p.Running ? "running" : "exited",
        ["exitCode"] = p.ExitCode,
        ["startedAt"] = p.StartedAtMs,
    };
}
