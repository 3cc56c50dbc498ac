using System.Text.Json.Nodes;
using SharpClaw.Core.Config;
using static SharpClaw.Core.Tests.Config.ConfigTestData;

namespace SharpClaw.Core.Tests.Config;

public sealed class EnvResolutionTests
{
    [Fact]
    public void Substitution_ReplacesTokens_KeepsEscapesAndLowercase()
    {
        var issues = new List<ConfigIssue>();
        var env = Env(("BASE", "http://h"), ("KEY", "k1"), ("A_1", "x"));
        var result = EnvSubstitution.Apply(J("{ a: '${BASE}/v1', b: ['$${KEY}', '${KEY}'], c: '${lower}', d: 'pre-${A_1}-${KEY}-post', n: 5, e: '$${BASE} and ${BASE}' }"), env, issues)!;
        Assert.Empty(issues);
        Assert.Equal("http://h/v1", (string)result["a"]!);
        Assert.Equal("${KEY}", (string)result["b"]![0]!);
        Assert.Equal("k1", (string)result["b"]![1]!);
        Assert.Equal("${lower}", (string)result["c"]!);
        Assert.Equal("pre-x-k1-post", (string)result["d"]!);
        Assert.Equal(5, (int)result["n"]!);
        Assert.Equal("${BASE} and http://h", (string)result["e"]!);
    }

    [Fact]
    public void MissingOrEmptyVariable_IsAnIssueNamingVariableAndPath_AndStaysUnresolved()
    {
        var issues = new List<ConfigIssue>();
        var result = EnvSubstitution.Apply(J("{ models: { providers: { x: { models: [{ id: '${MODEL_ID}' }], apiKey: '${EMPTY}' } } } }"), Env(("EMPTY", "")), issues)!;
        Assert.Equal(2, issues.Count);
        Assert.Equal("models.providers.x.models[0].id", issues[0].Path);
        Assert.Equal("Missing env var \"MODEL_ID\" referenced at config path: models.providers.x.models[0].id", issues[0].Message);
        Assert.Contains("set MODEL_ID", issues[0].Fix, StringComparison.Ordinal);
        Assert.Equal("models.providers.x.apiKey", issues[1].Path);
        Assert.Equal("${MODEL_ID}", (string)result["models"]!["providers"]!["x"]!["models"]![0]!["id"]!);
    }

    [Fact]
    public void Substitution_DoesNotChangeTheInput()
    {
        var input = J("{ a: '${X}' }");
        _ = EnvSubstitution.Apply(input, Env(("X", "1")), []);
        Assert.Equal("${X}", (string)input["a"]!);
    }

    [Fact]
    public void ConfigVars_FillOnlyMissingVariables()
    {
        var config = J("{ env: { vars: { A: 'from-vars', B: 'from-vars' }, C: 'from-env-section' } }");
        var lookup = EnvSubstitution.WithConfigVars(Env(("A", "from-process")), config);
        Assert.Equal("from-process", lookup("A"));
        Assert.Equal("from-vars", lookup("B"));
        Assert.Equal("from-env-section", lookup("C"));
        Assert.Null(lookup("D"));
    }

    [Fact]
    public void EnvSecretRefs_Resolve_OtherSourcesStay()
    {
        var issues = new List<ConfigIssue>();
        var config = J("{ a: { source: 'env', provider: 'default', id: 'TOK' }, b: { source: 'file', id: 'x' }, c: [{ source: 'env', id: 'NOPE' }] }");
        EnvSecretRefs.Resolve(config, Env(("TOK", "t0k")), issues);
        Assert.Equal("t0k", (string)config["a"]!);
        Assert.IsType<JsonObject>(config["b"]);
        var issue = Assert.Single(issues);
        Assert.Equal("c[0]", issue.Path);
        Assert.Contains("NOPE", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overrides_FillTokenAndPasswordWhenConfigLeavesThemUnset()
    {
        var env = Env((ConfigEnvOverrides.TokenVariable, "env-token"), (ConfigEnvOverrides.PasswordVariable, "env-pass"));
        var empty = new JsonObject();
        Assert.Equal(["gateway.auth.token", "gateway.auth.password"], ConfigEnvOverrides.Apply(empty, env));
        Assert.Equal("env-token", (string)empty["gateway"]!["auth"]!["token"]!);
        Assert.Equal("env-pass", (string)empty["gateway"]!["auth"]!["password"]!);

        var configured = J("{ gateway: { port: 1, auth: { token: 'file-token', password: '' } } }");
        Assert.Equal(["gateway.auth.password"], ConfigEnvOverrides.Apply(configured, env));
        Assert.Equal("file-token", (string)configured["gateway"]!["auth"]!["token"]!);
        Assert.Equal("env-pass", (string)configured["gateway"]!["auth"]!["password"]!);

        Assert.Empty(ConfigEnvOverrides.Apply(new JsonObject(), Env()));
    }
}
