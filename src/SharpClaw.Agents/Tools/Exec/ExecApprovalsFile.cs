using System.Text.Json.Nodes;
using SharpClaw.Core.State;

namespace SharpClaw.Agents.Tools.Exec;

/// <summary>
/// The <c>exec-approvals</c> store (<c>&lt;stateDir&gt;/exec-approvals.json</c>, OpenClaw's document shape:
/// <c>{version:1, defaults:{security?,ask?}, agents:{&lt;id&gt;:{security?,ask?,allowlist:[{id,pattern,source,lastUsedAt,lastUsedCommand}]}}}</c>).
/// Written atomically with mode 600. Its security/ask can only tighten the config.
/// </summary>
public sealed class ExecApprovalsFile : IDisposable
{
    public const string FileName = "exec-approvals.json";
    private const int MaxEntriesPerAgent = 512;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly TimeProvider _time;
    private JsonObject _doc;

    public ExecApprovalsFile(string stateDir, TimeProvider time)
    {
        FilePath = Path.Combine(stateDir, FileName);
        _time = time;
        _doc = Load(FilePath);
    }

    public string FilePath { get; }

    public (string? Security, string? Ask)? Limits(string agentId)
    {
        lock (_doc)
        {
            var agent = _doc["agents"]?[agentId] as JsonObject;
            var defaults = _doc["defaults"] as JsonObject;
            var security = (string?)agent?["security"] ?? (string?)defaults?["security"];
            var ask = (string?)agent?["ask"] ?? (string?)defaults?["ask"];
            return security is null && ask is null ? null : (security, ask);
        }
    }

    public IReadOnlyList<ExecAllowlistEntry> Allowlist(string agentId)
    {
        lock (_doc)
        {
            return _doc["agents"]?[agentId]?["allowlist"] is JsonArray list
                ? [.. list.OfType<JsonObject>().Where(e => e["pattern"] is not null).Select(e => new ExecAllowlistEntry((string?)e["id"] ?? string.Empty, (string)e["pattern"]!, (string?)e["source"], (long?)e["lastUsedAt"], (string?)e["lastUsedCommand"]))]
                : [];
        }
    }

    /// <summary>Adds an allow-always rule for an executable (no-op when the pattern is already present).</summary>
    public async Task AddAllowAlwaysAsync(string agentId, string pattern, string command, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            string json;
            lock (_doc)
            {
                var agents = _doc["agents"] as JsonObject ?? (JsonObject)(_doc["agents"] = new JsonObject());
                var agent = agents[agentId] as JsonObject ?? (JsonObject)(agents[agentId] = new JsonObject());
                var list = agent["allowlist"] as JsonArray ?? (JsonArray)(agent["allowlist"] = new JsonArray());
                if (list.OfType<JsonObject>().Any(e => (string?)e["pattern"] == pattern) || list.Count >= MaxEntriesPerAgent)
                {
                    return;
                }

                list.Add((JsonNode)new JsonObject
                {
                    ["id"] = Guid.NewGuid().ToString(),
                    ["pattern"] = pattern,
                    ["source"] = "allow-always",
                    ["lastUsedAt"] = _time.GetUtcNow().ToUnixTimeMilliseconds(),
                    ["lastUsedCommand"] = command.Length > 500 ? command[..500] : command,
                });
                json = _doc.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
            }

            await AtomicFile.WriteAllTextAsync(FilePath, json, ct);
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    private static JsonObject Load(string path)
    {
        try
        {
            return File.Exists(path) && JsonNode.Parse(File.ReadAllText(path)) is JsonObject o ? o : new JsonObject { ["version"] = 1 };
        }
        catch (System.Text.Json.JsonException)
        {
            // A corrupt file grants nothing: start empty (allow-always rules must be re-approved).
            return new JsonObject { ["version"] = 1 };
        }
    }
}
