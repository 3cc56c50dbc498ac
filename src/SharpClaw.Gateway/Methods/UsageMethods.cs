using System.Text.Json.Nodes;
using SharpClaw.Agents.Sessions;
using SharpClaw.Gateway.Agents;
using SharpClaw.Gateway.Rpc;
using SharpClaw.Gateway.Runtime;
using SharpClaw.Protocol.Frames;

namespace SharpClaw.Gateway.Methods;

/// <summary><c>sessions.usage</c>, <c>sessions.usage.timeseries</c>, <c>sessions.usage.logs</c>, <c>usage.status</c>, <c>usage.cost</c>.</summary>
public sealed class UsageMethods(GatewayServices s, AgentServices a)
{
    public void Register(MethodRegistry registry)
    {
        registry.Add("sessions.usage", SessionsUsageAsync, advertise: false);
        registry.Add("sessions.usage.timeseries", TimeseriesAsync, advertise: false);
        registry.Add("sessions.usage.logs", LogsAsync, advertise: false);
        registry.Add("usage.status", StatusAsync);
        registry.Add("usage.cost", CostAsync);
    }

    private long SinceForRange(RpcContext ctx, string? range) => range switch
    {
        null or "30d" => s.Info.NowMs - (30L * 86_400_000),
        "7d" => s.Info.NowMs - (7L * 86_400_000),
        "1d" or "24h" => s.Info.NowMs - 86_400_000,
        "90d" => s.Info.NowMs - (90L * 86_400_000),
        "1y" => s.Info.NowMs - (365L * 86_400_000),
        "all" => 0,
        _ => throw RpcException.InvalidParams(ctx.Method, "at /range: must be one of 1d, 7d, 30d, 90d, 1y, all"),
    };

    private async Task<(IReadOnlyList<UsageRecord> Rows, string? Key, string Range)> ReadAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx);
        var range = ParamReader.OptionalString(ctx, p, "range", 8) ?? "30d";
        var rawKey = ParamReader.OptionalString(ctx, p, "key", SessionKey.MaxLength) ?? ParamReader.OptionalString(ctx, p, "sessionKey", SessionKey.MaxLength);
        var key = rawKey is null ? null : SessionKey.Resolve(rawKey, a.Catalog.DefaultAgent.Id);
        var rows = await a.Sessions.ReadUsageAsync(SinceForRange(ctx, range), key, 100_000, ctx.CancellationToken);
        var agentId = ParamReader.OptionalString(ctx, p, "agentId", 64);
        if (agentId is not null)
        {
            rows = [.. rows.Where(r => r.AgentId == SessionKey.NormalizeAgentId(agentId))];
        }

        return (rows, key, range);
    }

    private static JsonObject Totals(IEnumerable<UsageRecord> rows)
    {
        var list = rows.ToList();
        return new JsonObject
        {
            ["input"] = list.Sum(r => r.Input),
            ["output"] = list.Sum(r => r.Output),
            ["cacheRead"] = list.Sum(r => r.CacheRead),
            ["cacheWrite"] = list.Sum(r => r.CacheWrite),
            ["totalTokens"] = list.Sum(r => r.Input + r.Output + r.CacheRead + r.CacheWrite),
            ["costUsd"] = (double)list.Sum(r => r.CostUsd),
            ["calls"] = list.Count,
        };
    }

    private async ValueTask<JsonPayload> SessionsUsageAsync(RpcContext ctx)
    {
        var (rows, key, range) = await ReadAsync(ctx);
        var sessions = new JsonArray();
        foreach (var g in rows.GroupBy(r => r.SessionKey).OrderByDescending(g => g.Max(r => r.TimestampMs)))
        {
            var t = Totals(g);
            t["key"] = g.Key;
            t["agentId"] = g.First().AgentId;
            t["lastAt"] = g.Max(r => r.TimestampMs);
            sessions.Add((JsonNode)t);
        }

        return new JsonObject { ["range"] = range, ["key"] = key, ["totals"] = Totals(rows), ["sessions"] = sessions };
    }

    private async ValueTask<JsonPayload> TimeseriesAsync(RpcContext ctx)
    {
        var (rows, key, range) = await ReadAsync(ctx);
        var points = new JsonArray();
        foreach (var g in rows.GroupBy(r => SessionMethods.Day(r.TimestampMs)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var t = Totals(g);
            t["date"] = g.Key;
            points.Add((JsonNode)t);
        }

        return new JsonObject { ["range"] = range, ["key"] = key, ["bucket"] = "day", ["points"] = points };
    }

    private async ValueTask<JsonPayload> LogsAsync(RpcContext ctx)
    {
        var (rows, key, range) = await ReadAsync(ctx);
        var p = ParamReader.Object(ctx);
        var limit = (int)(ParamReader.OptionalLong(ctx, p, "limit", 1, 10_000) ?? 200);
        var entries = new JsonArray();
        foreach (var r in rows.Take(limit))
        {
            entries.Add((JsonNode)new JsonObject
            {
                ["ts"] = r.TimestampMs,
                ["key"] = r.SessionKey,
                ["agentId"] = r.AgentId,
                ["runId"] = r.RunId,
                ["provider"] = r.Provider,
                ["model"] = r.Model,
                ["input"] = r.Input,
                ["output"] = r.Output,
                ["cacheRead"] = r.CacheRead,
                ["cacheWrite"] = r.CacheWrite,
                ["costUsd"] = (double)r.CostUsd,
            });
        }

        return new JsonObject { ["range"] = range, ["key"] = key, ["entries"] = entries };
    }

    private async ValueTask<JsonPayload> StatusAsync(RpcContext ctx)
    {
        var rows = await a.Sessions.ReadUsageAsync(s.Info.NowMs - (30L * 86_400_000), null, 100_000, ctx.CancellationToken);
        var today = SessionMethods.Day(s.Info.NowMs);
        return new JsonObject
        {
            ["ts"] = s.Info.NowMs,
            ["today"] = Totals(rows.Where(r => SessionMethods.Day(r.TimestampMs) == today)),
            ["last7d"] = Totals(rows.Where(r => r.TimestampMs >= s.Info.NowMs - (7L * 86_400_000))),
            ["last30d"] = Totals(rows),
            ["providers"] = a.ProviderStatus?.Invoke(),
        };
    }

    private async ValueTask<JsonPayload> CostAsync(RpcContext ctx)
    {
        var (rows, _, range) = await ReadAsync(ctx);
        var byModel = new JsonArray();
        foreach (var g in rows.GroupBy(r => $"{r.Provider}/{r.Model}").OrderByDescending(g => g.Sum(r => r.CostUsd)))
        {
            var t = Totals(g);
            t["model"] = g.Key;
            byModel.Add((JsonNode)t);
        }

        var byDay = new JsonArray();
        foreach (var g in rows.GroupBy(r => SessionMethods.Day(r.TimestampMs)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            byDay.Add((JsonNode)new JsonObject { ["date"] = g.Key, ["costUsd"] = (double)g.Sum(r => r.CostUsd) });
        }

        return new JsonObject { ["range"] = range, ["totalUsd"] = (double)rows.Sum(r => r.CostUsd), ["byModel"] = byModel, ["byDay"] = byDay, ["totals"] = Totals(rows) };
    }
}
