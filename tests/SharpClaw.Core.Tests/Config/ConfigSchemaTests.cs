using System.Text.Json.Nodes;
using SharpClaw.Core.Config;
using static SharpClaw.Core.Tests.Config.ConfigTestData;

namespace SharpClaw.Core.Tests.Config;

public sealed class ConfigSchemaTests
{
    private static IReadOnlyList<ConfigIssue> Validate(string json5) => ConfigSchema.Validate(J(json5));

    [Fact]
    public void OpenClawStyleConfig_WithManySections_IsValid()
    {
        var issues = Validate(OpenClawStyle);
        Assert.True(issues.Count == 0, string.Join("\n", issues));
    }

    [Fact]
    public void EmptyConfig_IsValid() => Assert.Empty(Validate("{}"));

    [Fact]
    public void UnknownTopLevelKey_IsAnError_WithDidYouMean()
    {
        var issue = Assert.Single(Validate("{ gatway: { port: 1 } }"));
        Assert.Equal("gatway", issue.Path);
        Assert.Equal("unknown key", issue.Message);
        Assert.Contains("did you mean \"gateway\"?", issue.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownTopLevelKey_FarFromAnyKey_ListsKnownKeys()
    {
        var issue = Assert.Single(Validate("{ zzzzzzzz: 1 }"));
        Assert.StartsWith("remove it; known keys: $schema, ", issue.Fix, StringComparison.Ordinal);
        Assert.Contains("gateway", issue.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKeyInStrictSection_IsAnError_ButOpenSectionsAcceptExtras()
    {
        var issues = Validate("{ gateway: { prot: 1, auth: { tokn: 'x' } }, channels: { matrix: { homeserver: 'x', anything: [1] } }, agents: { defaults: { someFutureKey: 1 } } }");
        Assert.Equal(2, issues.Count);
        Assert.Contains(issues, i => i.Path == "gateway.prot" && i.Fix.Contains("\"port\"", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Path == "gateway.auth.tokn" && i.Fix.Contains("\"token\"", StringComparison.Ordinal));
    }

    [Fact]
    public void BadEnumValue_NamesAllowedValues()
    {
        var issue = Assert.Single(Validate("{ gateway: { auth: { mode: 'tokn' } } }"));
        Assert.Equal("gateway.auth.mode", issue.Path);
        Assert.Equal("\"tokn\" is not an allowed value", issue.Message);
        Assert.Equal("use one of: none, token, password, trusted-proxy (did you mean \"token\"?)", issue.Fix);
    }

    [Fact]
    public void OutOfRangeInteger_GivesTheRange()
    {
        var issue = Assert.Single(Validate("{ gateway: { port: 99999 } }"));
        Assert.Equal("gateway.port", issue.Path);
        Assert.Equal("99999 is out of range", issue.Message);
        Assert.Equal("use a whole number from 1 to 65535", issue.Fix);
    }

    [Fact]
    public void WrongTypes_SayWhatWasExpected()
    {
        var issues = Validate("{ gateway: { port: '18789', controlUi: { enabled: 'yes' }, trustedProxies: '10.0.0.1' }, logging: [] }");
        Assert.Contains(issues, i => i.Path == "gateway.port" && i.Message == "expected an integer, got a string" && i.Fix.Contains("no quotes", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Path == "gateway.controlUi.enabled" && i.Message == "expected true or false, got a string");
        Assert.Contains(issues, i => i.Path == "gateway.trustedProxies" && i.Message == "expected an array, got a string");
        Assert.Contains(issues, i => i.Path == "logging" && i.Message == "expected an object, got an array");
    }

    [Fact]
    public void FractionalInteger_IsRejected()
    {
        var issue = Assert.Single(Validate("{ gateway: { port: 80.5 } }"));
        Assert.Equal("expected an integer, got 80.5", issue.Message);
    }

    [Fact]
    public void ArrayItems_ReportIndexedPaths()
    {
        var issues = Validate("{ models: { providers: { x: { baseUrl: 'http://h', models: [{ id: 'a' }, { name: 'no id', contextWindow: 0 }] } } } }");
        Assert.Contains(issues, i => i.Path == "models.providers.x.models[1].id" && i.Message == "is required");
        Assert.Contains(issues, i => i.Path == "models.providers.x.models[1].contextWindow" && i.Message == "0 is out of range");
    }

    [Fact]
    public void MapKeys_AndPatterns_AreChecked()
    {
        var issues = Validate("{ agents: { entries: { 'bad id!': {} }, list: [{ id: '-x' }] } }");
        Assert.Contains(issues, i => i.Path == "agents.entries.bad id!" && i.Message.Contains("not a valid key", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Path == "agents.list[0].id" && i.Message.Contains("invalid format", StringComparison.Ordinal));
    }

    [Fact]
    public void UnionMismatch_NamesEveryAcceptedShape()
    {
        var issue = Assert.Single(Validate("{ agents: { defaults: { model: 42 } } }"));
        Assert.Equal("agents.defaults.model", issue.Path);
        Assert.Equal("expected a string or an object, got a number", issue.Message);
        var inner = Assert.Single(Validate("{ agents: { defaults: { model: { primary: 'a/b', fallback: ['c/d'] } } } }"));
        Assert.Equal("agents.defaults.model.fallback", inner.Path);
        Assert.Contains("\"fallbacks\"", inner.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void SecretInputs_AcceptStringsAndSecretRefs()
    {
        Assert.Empty(Validate("{ gateway: { auth: { token: { source: 'file', provider: 'vault', id: 'gw' } } } }"));
        var issues = Validate("{ gateway: { auth: { token: { source: 'ssm', id: 'x' } } } }");
        Assert.Contains(issues, i => i.Path == "gateway.auth.token.source");
    }

    [Fact]
    public void MultipleIssues_AreAllReportedAtOnce()
    {
        var issues = Validate("""
            { gatway: {}, gateway: { port: 0, bind: "everywhere", auth: { mode: "magic", rateLimit: { maxAttempts: -1 } } },
              agents: { defaults: { thinkingDefault: 3 } }, logging: { level: "loud" }, session: { reset: { atHour: 25 } } }
            """);
        string[] expected = ["gatway", "gateway.port", "gateway.bind", "gateway.auth.mode", "gateway.auth.rateLimit.maxAttempts", "agents.defaults.thinkingDefault", "logging.level", "session.reset.atHour"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), issues.Select(i => i.Path).Order(StringComparer.Ordinal));
        Assert.All(issues, i => Assert.False(string.IsNullOrWhiteSpace(i.Fix)));
    }

    [Theory]
    [InlineData("{ gateway: { auth: { token: 'a', password: 'b' } } }", "gateway.auth.mode", "both configured")]
    [InlineData("{ gateway: { bind: 'custom' } }", "gateway.customBindHost", "required when gateway.bind is \"custom\"")]
    [InlineData("{ gateway: { auth: { mode: 'trusted-proxy' } } }", "gateway.auth.trustedProxy", "required when gateway.auth.mode")]
    [InlineData("{ gateway: { auth: { trustedProxy: { allowLoopback: true } } } }", "gateway.auth.trustedProxy.userHeader", "is required")]
    [InlineData("{ hooks: { enabled: true } }", "hooks.token", "hooks.enabled requires hooks.token")]
    [InlineData("{ hooks: { path: '/' } }", "hooks.path", "may not be '/'")]
    [InlineData("{ tools: { allow: ['read'], alsoAllow: ['exec'] } }", "tools.alsoAllow", "cannot be combined")]
    [InlineData("{ agents: { list: [{ id: 'a' }, { id: 'A' }] } }", "agents.list[1].id", "duplicate agent id")]
    public void CrossFieldRules(string json5, string path, string message)
    {
        var issue = Assert.Single(Validate(json5));
        Assert.Equal(path, issue.Path);
        Assert.Contains(message, issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TokenAndPasswordWithMode_IsFine() => Assert.Empty(Validate("{ gateway: { auth: { mode: 'password', token: 'a', password: 'b' } } }"));

    [Fact]
    public void IssueFormatting_MatchesOpenClawLines()
    {
        var issues = Validate("{ a1: 1, a2: 2, a3: 3, a4: 4, a5: 5, a6: 6, a7: 7 }");
        Assert.Equal(7, issues.Count);
        Assert.EndsWith("; and 2 more", ConfigIssue.Summarize(issues), StringComparison.Ordinal);
        Assert.StartsWith("- a1: unknown key (fix: ", issues[0].ToString(), StringComparison.Ordinal);
        Assert.Equal("- <root>: x (fix: y)", new ConfigIssue(string.Empty, "x", "y").ToString());
    }

    [Fact]
    public void SchemaExport_IsDraft07JsonWithExpectedProperties()
    {
        var text = ConfigSchema.ToJsonSchemaText();
        var schema = (JsonObject)JsonNode.Parse(text)!;
        Assert.Equal("http://json-schema.org/draft-07/schema#", (string)schema["$schema"]!);
        Assert.Equal("object", (string)schema["type"]!);
        Assert.False((bool)schema["additionalProperties"]!);
        var props = schema["properties"]!.AsObject();
        foreach (var key in (string[])["gateway", "agents", "models", "tools", "hooks", "logging", "session", "messages", "channels", "ui", "wizard", "meta", "env"])
        {
            Assert.True(props.ContainsKey(key), key);
        }

        var gateway = props["gateway"]!["properties"]!;
        Assert.Equal(18789, (int)gateway["port"]!["default"]!);
        Assert.Equal(1, (int)gateway["port"]!["minimum"]!);
        Assert.Equal(65535, (int)gateway["port"]!["maximum"]!);
        Assert.Equal(["loopback", "lan", "tailnet", "custom", "auto"], gateway["bind"]!["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("loopback", (string)gateway["bind"]!["default"]!);
        var auth = gateway["auth"]!["properties"]!;
        Assert.True((bool)auth["token"]!["x-secret"]!);
        Assert.Equal(2, auth["token"]!["anyOf"]!.AsArray().Count);
        Assert.Equal(["userHeader"], auth["trustedProxy"]!["required"]!.AsArray().Select(v => (string)v!));
        Assert.True((bool)props["channels"]!["additionalProperties"]!["additionalProperties"]!.GetValue<bool>());
        Assert.Equal("object", (string)props["models"]!["properties"]!["providers"]!["additionalProperties"]!["type"]!);
        Assert.True((bool)props["models"]!["properties"]!["providers"]!["additionalProperties"]!["properties"]!["apiKey"]!["x-secret"]!);
        Assert.Equal(["none", "daily", "idle"], props["session"]!["properties"]!["reset"]!["properties"]!["mode"]!["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("^(?:[a-zA-Z0-9_][a-zA-Z0-9_-]{0,63})$", (string)props["agents"]!["properties"]!["entries"]!["propertyNames"]!["pattern"]!);
    }

    [Fact]
    public void SchemaExport_PatternsAreValidRegexes()
    {
        var patterns = new List<string>();
        Collect(ConfigSchema.ToJsonSchema(), patterns);
        Assert.NotEmpty(patterns);
        Assert.All(patterns, p => _ = new System.Text.RegularExpressions.Regex(p, System.Text.RegularExpressions.RegexOptions.ECMAScript));

        static void Collect(JsonNode? node, List<string> found)
        {
            if (node is JsonObject o)
            {
                foreach (var (k, v) in o)
                {
                    if (k == "pattern" && v is JsonValue)
                    {
                        found.Add((string)v!);
                    }
                    else
                    {
                        Collect(v, found);
                    }
                }
            }
            else if (node is JsonArray a)
            {
                foreach (var item in a)
                {
                    Collect(item, found);
                }
            }
        }
    }

    [Fact]
    public void SecretPaths_ComeFromTheSchema()
    {
        Assert.True(ConfigSchema.IsSecretPath("gateway.auth.token"));
        Assert.True(ConfigSchema.IsSecretPath("models.providers.openai.apiKey"));
        Assert.True(ConfigSchema.IsSecretPath("hooks.token"));
        Assert.False(ConfigSchema.IsSecretPath("gateway.port"));
        Assert.False(ConfigSchema.IsSecretPath("nope.nothing"));
        Assert.NotNull(ConfigSchema.Lookup("models.providers.x.models[0].id"));
    }
}
