using System.Diagnostics;
using System.Text.Json.Nodes;
using SharpClaw.Agents.Sessions;
using SharpClaw.Agents.Tools;
using SharpClaw.Agents.Tools.Exec;
using SharpClaw.Agents.Tools.Policy;
using SharpClaw.Core.State;

namespace SharpClaw.Bench;

/// <summary>Tool-call overhead (policy + registry + a small read + durable result persistence) and exec start latency.</summary>
internal static class ToolBench
{
    private sealed class NoApprovals : IExecApprovalBroker
    {
        public Task<ExecApprovalOutcome> RequestAsync(ExecApprovalRequest request, CancellationToken cancellationToken) => Task.FromResult(new ExecApprovalOutcome(string.Empty, "no-route"));
    }

    public static IEnumerable<(string Name, double Nanoseconds)> Run()
    {
        var dir = Directory.CreateTempSubdirectory("sharpclaw-bench-tools-").FullName;
        try
        {
            var config = (JsonObject)JsonNode.Parse("""{"tools":{"profile":"coding","deny":["group:web"],"byProvider":{"openai":{"deny":["cron"]}}},"agents":{"entries":{"main":{"tools":{"alsoAllow":["message"]}}}}}""")!;
            var request = new ToolPolicyRequest { Config = config, AgentId = "main", Provider = "openai", Model = "gpt-5", SessionKey = "agent:main:main" };
            yield return ("tool policy pipeline (all catalog tools)", Measure(() => ToolPolicyPipeline.Evaluate(request), 2_000));

            var workspace = Path.Combine(dir, "ws");
            Directory.CreateDirectory(workspace);
            File.WriteAllText(Path.Combine(workspace, "f.txt"), "hello\nworld\n");
            var db = new StateDatabase(Path.Combine(dir, "t.db"));
            db.InitializeAsync(GatewayMigrations.All, TimeProvider.System).GetAwaiter().GetResult();
            var store = new SessionStore(db, TimeProvider.System);
            var session = store.GetOrCreateAsync("agent:main:main", "main", workspace).GetAwaiter().GetResult();
            var registry = new ToolRegistry();
            BuiltInTools.RegisterFileTools(registry, () => config);
            var context = new ToolContext("main", "agent:main:main", "r", workspace);
            var args = new JsonObject { ["path"] = "f.txt" };
            var samples = new List<double>();
            for (var i = 0; i < 300; i++)
            {
                var sw = Stopwatch.StartNew();
                var decision = ToolPolicyPipeline.Evaluate(request, registry.All.Select(t => t.Name));
                registry.TryGet("read", out var tool);
                var result = decision.IsAllowed("read") ? tool.InvokeAsync(new ToolInvocation("c", "read", args, context), CancellationToken.None).GetAwaiter().GetResult() : ToolResult.Error("denied");
                store.AppendAsync(session.SessionId, TranscriptEvents.Message(new JsonObject { ["role"] = "toolResult", ["toolName"] = "read", ["content"] = result.Text }, DateTimeOffset.UnixEpoch)).GetAwaiter().GetResult();
                samples.Add(sw.Elapsed.TotalMilliseconds * 1_000_000);
            }

            yield return ("tool call: policy + registry + read + durable result write", Stats.Median(samples.Skip(50).ToList()));

            using var approvals = new ExecApprovalsFile(dir, TimeProvider.System);
            var allowlisted = new ExecTool(new ExecAuthorizer(() => null, approvals, new NoApprovals()), TimeProvider.System);
            var full = new ExecTool(new ExecAuthorizer(() => (JsonObject)JsonNode.Parse("""{"tools":{"exec":{"mode":"full"}}}""")!, approvals, new NoApprovals()), TimeProvider.System);
            yield return ("exec start→exit: safe bin as literal argv (`wc -l`)", ExecLatency(allowlisted, "wc -l", context));
            yield return ("exec start→exit: full mode via /bin/sh (`true`)", ExecLatency(full, "true", context));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static double ExecLatency(ExecTool tool, string command, ToolContext context)
    {
        var samples = new List<double>();
        for (var i = 0; i < 40; i++)
        {
            var sw = Stopwatch.StartNew();
            var r = tool.InvokeAsync(new ToolInvocation("c", "exec", new JsonObject { ["command"] = command }, context), CancellationToken.None).GetAwaiter().GetResult();
            samples.Add(sw.Elapsed.TotalMilliseconds * 1_000_000);
            if (r.IsError)
            {
                throw new InvalidOperationException(r.Text);
            }
        }

        return Stats.Median(samples.Skip(5).ToList());
    }

    private static double Measure(Action action, int batch)
    {
        for (var i = 0; i < batch; i++)
        {
            action();
        }

        var sw = Stopwatch.StartNew();
        for (var i = 0; i < batch; i++)
        {
            action();
        }

        return sw.Elapsed.TotalMilliseconds * 1_000_000 / batch;
    }
}
