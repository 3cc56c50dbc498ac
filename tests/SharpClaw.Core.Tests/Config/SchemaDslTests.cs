using System.Text.Json.Nodes;
using SharpClaw.Core.Config;
using SharpClaw.Core.Config.Schema;
using static SharpClaw.Core.Config.Schema.Schemas;
using static SharpClaw.Core.Tests.Config.ConfigTestData;

namespace SharpClaw.Core.Tests.Config;

public sealed class SchemaDslTests
{
    private static readonly ObjectSchema Sample = Obj("sample",
        ("name", Pattern("slug", "[a-z]+", "lower-case letters")),
        ("ratio", Num("between 0 and 1", 0, 1, 0.5)),
        ("count", Int(null, 1, 10, 3)),
        ("flag", Bool(null, true)),
        ("level", Enum(null, ["low", "high"], "low")),
        ("tags", Arr(Str(), maxItems: 2)),
        ("byId", Map(Int(), null, "[0-9]+", "digits")),
        ("either", OneOf(null, Str(), Arr(Int()))),
        ("key", Secret("a secret")),
        ("extra", Open("anything goes", ("known", Bool()))),
        ("any", Any())).Requiring("name");

    private static List<ConfigIssue> Validate(string json5)
    {
        var issues = new List<ConfigIssue>();
        Sample.Validate(J(json5), string.Empty, issues);
        return issues;
    }

    [Fact]
    public void ValidDocument_HasNoIssues()
        => Assert.Empty(Validate("{ name: 'abc', ratio: 0.25, count: 10, flag: false, level: 'high', tags: ['a'], byId: { '1': 2 }, either: [1], key: { source: 'env', id: 'K' }, extra: { known: true, other: [1] }, any: null }"));

    [Fact]
    public void EveryKindOfProblem_IsReported()
    {
        var issues = Validate("{ ratio: 2, count: 0, flag: 1, level: 'mid', tags: ['a', 'b', 'c'], byId: { x: 'y' }, either: {}, key: 5, extra: { known: 'yes' }, nmae: 'x' }");
        var byPath = issues.GroupBy(i => i.Path).ToDictionary(g => g.Key, g => g.First());
        Assert.Equal("is required", byPath["name"].Message);
        Assert.Equal("use a number from 0 to 1", byPath["ratio"].Fix);
        Assert.Equal("use a whole number from 1 to 10", byPath["count"].Fix);
        Assert.Equal("expected true or false, got a number", byPath["flag"].Message);
        Assert.Equal("use one of: low, high", byPath["level"].Fix);
        Assert.Equal("keep at most 2 items", byPath["tags"].Fix);
        Assert.Equal("use digits", byPath["byId.x"].Fix);
        Assert.Equal("expected a string or an array, got an object", byPath["either"].Message);
        Assert.Equal("expected a string or an object, got a number", byPath["key"].Message);
        Assert.Equal("expected true or false, got a string", byPath["extra.known"].Message);
        Assert.Equal("did you mean \"name\"? (rename it, or remove it)", byPath["nmae"].Fix);
        Assert.Equal(2, issues.Count(i => i.Path == "byId.x"));
    }

    [Fact]
    public void PatternMismatch_UsesTheHint()
    {
        var issue = Assert.Single(Validate("{ name: 'ABC' }"));
        Assert.Equal("\"ABC\" has an invalid format", issue.Message);
        Assert.Equal("use lower-case letters", issue.Fix);
    }

    [Fact]
    public void Export_CarriesTypesDefaultsConstraintsAndSecrets()
    {
        var s = Sample.ToJsonSchema();
        var p = s["properties"]!;
        Assert.Equal("sample", (string)s["description"]!);
        Assert.Equal(["name"], s["required"]!.AsArray().Select(v => (string)v!));
        Assert.False((bool)s["additionalProperties"]!);
        Assert.Equal("^(?:[a-z]+)$", (string)p["name"]!["pattern"]!);
        Assert.Equal(0.5, (double)p["ratio"]!["default"]!);
        Assert.Equal(1.0, (double)p["ratio"]!["maximum"]!);
        Assert.Equal("integer", (string)p["count"]!["type"]!);
        Assert.True((bool)p["flag"]!["default"]!);
        Assert.Equal("low", (string)p["level"]!["default"]!);
        Assert.Equal(2, (int)p["tags"]!["maxItems"]!);
        Assert.Equal("integer", (string)p["byId"]!["additionalProperties"]!["type"]!);
        Assert.Equal(2, p["either"]!["anyOf"]!.AsArray().Count);
        Assert.True((bool)p["key"]!["x-secret"]!);
        Assert.True((bool)p["extra"]!["additionalProperties"]!);
        Assert.Empty(p["any"]!.AsObject());
        Assert.NotNull(JsonNode.Parse(s.ToJsonString()));
    }

    [Fact]
    public void Suggestions_AreCaseInsensitiveAndBounded()
    {
        Assert.Equal("gateway", KeySuggester.Suggest("Gatway", ["gateway", "agents"]));
        Assert.Equal("port", KeySuggester.Suggest("prot", ["port", "mode"]));
        Assert.Null(KeySuggester.Suggest("xyz", ["gateway", "agents"]));
    }
}
