using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SharpClaw.Core.Config.Schema;

/// <summary>A string, optionally limited to a set of values (an enum), a pattern or a length.</summary>
public sealed class StringSchema : SchemaNode
{
    private readonly Regex? _regex;

    /// <summary>Allowed values (an enum) or null for any string.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>A .NET/ECMAScript-compatible regular expression the whole value must match.</summary>
    public string? Pattern
    {
        get => _regex?.ToString();
        init => _regex = value is null ? null : new Regex(value, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }

    /// <summary>Human wording of <see cref="Pattern"/> for the fix, e.g. "lower-case letters, digits, - and _".</summary>
    public string? PatternHint { get; init; }

    public int MinLength { get; init; }

    public int MaxLength { get; init; } = 100_000;

    public override string Expected => Values is null ? "a string" : "one of the allowed strings";

    public override bool AcceptsKind(JsonNode? value) => IsKind(value, JsonValueKind.String);

    public override void Validate(JsonNode? value, string path, List<ConfigIssue> issues)
    {
        if (!AcceptsKind(value))
        {
            issues.Add(new ConfigIssue(path, $"expected a string, got {Kind(value)}", Values is null ? "put the value in quotes" : $"use one of: {string.Join(", ", Values)}"));
            return;
        }

        var s = value!.GetValue<string>();
        if (Values is not null)
        {
            if (!Values.Contains(s, StringComparer.Ordinal))
            {
                var guess = KeySuggester.Suggest(s, Values);
                issues.Add(new ConfigIssue(path, $"\"{s}\" is not an allowed value", $"use one of: {string.Join(", ", Values)}" + (guess is null ? string.Empty : $" (did you mean \"{guess}\"?)")));
            }

            return;
        }

        if (s.Length < MinLength)
        {
            issues.Add(new ConfigIssue(path, MinLength == 1 ? "must not be empty" : $"shorter than {MinLength} characters", MinLength == 1 ? "set a value or remove the key" : $"use at least {MinLength} characters"));
        }
        else if (s.Length > MaxLength)
        {
            issues.Add(new ConfigIssue(path, $"longer than {MaxLength} characters", $"shorten it to at most {MaxLength} characters"));
        }
        else if (_regex is not null && !IsFullMatch(s))
        {
            issues.Add(new ConfigIssue(path, $"\"{s}\" has an invalid format", $"use {PatternHint ?? "a value matching " + Pattern}"));
        }
    }

    private bool IsFullMatch(string s)
    {
        try
        {
            var m = _regex!.Match(s);
            return m.Success && m.Index == 0 && m.Length == s.Length;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    protected override JsonObject Export()
    {
        var o = new JsonObject { ["type"] = "string" };
        if (Values is not null)
        {
            o["enum"] = Protocol.Frames.JsonNodes.StringArray(Values);
        }

        if (Pattern is not null)
        {
            o["pattern"] = $"^(?:{Pattern})$"; // validation matches the whole value
        }

        if (MinLength > 0)
        {
            o["minLength"] = MinLength;
        }

        if (MaxLength != 100_000)
        {
            o["maxLength"] = MaxLength;
        }

        return o;
    }
}
