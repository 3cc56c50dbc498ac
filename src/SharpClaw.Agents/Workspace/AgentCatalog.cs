using System.Text.Json.Nodes;
using SharpClaw.Agents.Sessions;

namespace SharpClaw.Agents.Workspace;

/// <summary>
/// Resolves the configured agents. A default agent <c>main</c> exists with no config at all. Reads both the
/// 2026.9 map <c>agents.entries.&lt;id&gt;</c> and the older array <c>agents.list[]</c>; per-agent fields win over
/// <c>agents.defaults</c>.
/// </summary>
public sealed class AgentCatalog(Func<JsonObject?> config, string stateDir)
{
    public IReadOnlyList<AgentDefinition> List()
    {
        var root = config();
        var agents = root?["agents"] as JsonObject;
        var defaults = agents?["defaults"] as JsonObject;
        var result = new List<AgentDefinition>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var defaultId = (string?)agents?["default"];

        void Add(string rawId, JsonObject? entry)
        {
            var id = SessionKey.NormalizeAgentId(rawId);
            if (seen.Add(id))
            {
                result.Add(Build(id, entry, defaults));
            }
        }

        if (agents?["entries"] is JsonObject entries)
        {
            foreach (var (id, value) in entries)
            {
                Add(id, value as JsonObject);
            }
        }

        if (agents?["list"] is JsonArray list)
        {
            foreach (var item in list.OfType<JsonObject>())
            {
                if ((string?)item["id"] is { } id)
                {
                    Add(id, item);
                }
            }
        }

        if (!seen.Contains("main"))
        {
            result.Insert(0, Build("main", null, defaults));
        }

        // The default agent: agents.default, else the entry marked `default: true` (entries.<id> or list[]), else main.
        var markedDefault = (agents?["entries"] as JsonObject)?.FirstOrDefault(e => (bool?)(e.Value as JsonObject)?["default"] == true).Key
            ?? (agents?["list"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(e => (bool?)e["default"] == true)?["id"]?.GetValue<string>();
        var chosen = defaultId is not null && seen.Contains(SessionKey.NormalizeAgentId(defaultId)) ? SessionKey.NormalizeAgentId(defaultId)
            : markedDefault is not null && seen.Contains(SessionKey.NormalizeAgentId(markedDefault)) ? SessionKey.NormalizeAgentId(markedDefault)
            : "main";
        return [.. result.Select(a => a with { IsDefault = a.Id == chosen })];
    }

    public AgentDefinition DefaultAgent => List().First(a => a.IsDefault);

    public AgentDefinition? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return DefaultAgent;
        }

        var normalized = SessionKey.NormalizeAgentId(id);
        return List().FirstOrDefault(a => a.Id == normalized);
    }

    private AgentDefinition Build(string id, JsonObject? entry, JsonObject? defaults)
    {
        var (model, fallbacks) = ReadModel(entry?["model"]);
        var (defModel, defFallbacks) = ReadModel(defaults?["model"]);
        var identity = entry?["identity"] as JsonObject;
        var workspace = (string?)entry?["workspace"];
        if (workspace is null)
        {
            var root = (string?)defaults?["workspace"];
            workspace = root is null
                ? Path.Combine(stateDir, id == "main" ? "workspace" : $"workspace-{id}")
                : id == "main" ? root : Path.Combine(root, id);
        }

        return new AgentDefinition
        {
            Id = id,
            Name = (string?)entry?["name"] ?? (string?)identity?["name"],
            Workspace = ExpandHome(workspace),
            Model = model ?? defModel,
            Fallbacks = entry?["model"] is JsonObject m && m["fallbacks"] is not null ? fallbacks : defFallbacks,
            Identity = new AgentIdentity
            {
                Name = (string?)identity?["name"],
                Emoji = (string?)identity?["emoji"],
                Avatar = (string?)identity?["avatar"],
                Theme = (string?)identity?["theme"],
            },
            ThinkingDefault = (string?)entry?["thinkingDefault"] ?? (string?)defaults?["thinkingDefault"],
            TimeoutSeconds = (int?)entry?["timeoutSeconds"] ?? (int?)defaults?["timeoutSeconds"] ?? 172_800,
        };
    }

    private static (string? Primary, IReadOnlyList<string> Fallbacks) ReadModel(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => (s, []),
        JsonObject o => ((string?)o["primary"], o["fallbacks"] is JsonArray a ? [.. a.Select(x => (string?)x).OfType<string>()] : []),
        _ => (null, []),
    };

    private static string ExpandHome(string path)
        => path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..]) : path;
}
