using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SharpClaw.Core.Config.Schema;

/// <summary>A record: an object whose keys are free (ids, names) and whose values share one schema.</summary>
public sealed class MapSchema : SchemaNode
{
    private readonly Regex? _keyRegex;

    public required SchemaNode Values { get; init; }

    /// <summary>Optional pattern every key must match (whole key).</summary>
    public string? KeyPattern
    {
        get => _keyRegex?.ToString();
        init => _keyRegex = value is null ? null : new Regex(value, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }

    public string? KeyHint { get; init; }

    public override string Expected => "an object";

    public override bool AcceptsKind(JsonNode? value) => value is JsonObject;

    public override SchemaNode? ChildFor(JsonNode? value, string segment) => Values;

    public override void Validate(JsonNode? value, string path, List<ConfigIssue> issues)
    {
        if (value is not JsonObject obj)
        {
            issues.Add(WrongKind(path, value, "use { \"<name>\": <value>, ... }"));
            return;
        }

        foreach (var (k, v) in obj)
        {
            if (_keyRegex is not null && !IsFullMatch(k))
            {
                issues.Add(new ConfigIssue(Child(path, k), $"\"{k}\" is not a valid key here", $"use {KeyHint ?? "a key matching " + KeyPattern}"));
            }

            Values.Validate(v, Child(path, k), issues);
        }
    }

    private bool IsFullMatch(string s)
    {
        try
        {
            var m = _keyRegex!.Match(s);
            return m.Success && m.Index == 0 && m.Length == s.Length;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    protected override JsonObject Export()
    {
        var o = new JsonObject { ["type"] = "object", ["additionalProperties"] = Values.ToJsonSchema() };
        if (KeyPattern is not null)
        {
            o["propertyNames"] = new JsonObject { ["pattern"] = $"^(?:{KeyPattern})$" };
        }

        return o;
    }
}
