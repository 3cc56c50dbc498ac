using System.Text.Json.Nodes;
using SharpClaw.Core.Config;
using static SharpClaw.Core.Tests.Config.ConfigTestData;

namespace SharpClaw.Core.Tests.Config;

public sealed class ConfigRedactorTests
{
    private static readonly JsonObject Current = J("""
        {
          gateway: { port: 18789, auth: { mode: "token", token: "secret-token", rateLimit: { maxAttempts: 3 } }, remote: { token: "remote-t" } },
          models: { providers: { openai: { apiKey: "sk-123", baseUrl: "https://api", headers: { Authorization: "Bearer zzz" } },
                                 local: { apiKey: "${LOCAL_KEY}" } } },
          hooks: { token: "h", allowRequestSessionKey: true, defaultSessionKey: "hook:x" },
          channels: { telegram: { botToken: "123:abc", clientSecret: "cs", dmPolicy: "pairing" } },
          env: { vars: { OPENAI_API_KEY: "sk-env", PATH_EXTRA: "/opt/bin" } },
          tools: { web: { search: { apiKey: "brave" } } },
          ui: { name: "x" }, empty: { token: "" },
          agents: { list: [{ id: "a", tools: { profile: "coding" } }] },
        }
        """);

    [Fact]
    public void Redact_HidesEverySecret_KeepsEverythingElse()
    {
        var redacted = ConfigRedactor.Redact(Current);
        var text = redacted.ToJsonString();
        foreach (var secret in (string[])["secret-token", "remote-t", "sk-123", "Bearer zzz", "\"h\"", "123:abc", "\"cs\"", "sk-env", "brave"])
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.Equal(ConfigRedactor.Sentinel, (string)redacted["gateway"]!["auth"]!["token"]!);
        Assert.Equal(18789, (int)redacted["gateway"]!["port"]!);
        Assert.Equal("https://api", (string)redacted["models"]!["providers"]!["openai"]!["baseUrl"]!);
        Assert.Equal("${LOCAL_KEY}", (string)redacted["models"]!["providers"]!["local"]!["apiKey"]!);
        Assert.True((bool)redacted["hooks"]!["allowRequestSessionKey"]!);
        Assert.Equal("hook:x", (string)redacted["hooks"]!["defaultSessionKey"]!);
        Assert.Equal("pairing", (string)redacted["channels"]!["telegram"]!["dmPolicy"]!);
        Assert.Equal("/opt/bin", (string)redacted["env"]!["vars"]!["PATH_EXTRA"]!);
        Assert.Equal(string.Empty, (string)redacted["empty"]!["token"]!);
        Assert.Equal("x", (string)redacted["ui"]!["name"]!);
        Assert.Equal("secret-token", (string)Current["gateway"]!["auth"]!["token"]!);
    }

    [Fact]
    public void Sentinels_RoundTrip_ToTheStoredSecrets()
    {
        var edited = ConfigRedactor.Redact(Current);
        edited["ui"]!["name"] = "y";
        var issues = ConfigRedactor.RestoreSentinels(edited, Current);
        Assert.Empty(issues);
        Assert.Equal("secret-token", (string)edited["gateway"]!["auth"]!["token"]!);
        Assert.Equal("sk-123", (string)edited["models"]!["providers"]!["openai"]!["apiKey"]!);
        Assert.Equal("Bearer zzz", (string)edited["models"]!["providers"]!["openai"]!["headers"]!["Authorization"]!);
        Assert.Equal("123:abc", (string)edited["channels"]!["telegram"]!["botToken"]!);
        Assert.Equal("y", (string)edited["ui"]!["name"]!);
        Assert.False(ConfigRedactor.ContainsSentinel(edited));
    }

    [Fact]
    public void SentinelWithoutStoredValue_IsAnError()
    {
        var orphan = J($"{{ gateway: {{ auth: {{ password: '{ConfigRedactor.Sentinel}' }} }} }}");
        var issue = Assert.Single(ConfigRedactor.RestoreSentinels(orphan, Current));
        Assert.Equal("gateway.auth.password", issue.Path);
        Assert.Contains("no stored value", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ArrayItems_AreMatchedById()
    {
        var current = J("{ x: { items: [{ id: 'a', apiKey: 'ka' }, { id: 'b', apiKey: 'kb' }] } }");
        var incoming = J($"{{ x: {{ items: [{{ id: 'b', apiKey: '{ConfigRedactor.Sentinel}' }}, {{ id: 'a', apiKey: '{ConfigRedactor.Sentinel}' }}] }} }}");
        Assert.Empty(ConfigRedactor.RestoreSentinels(incoming, current));
        Assert.Equal("kb", (string)incoming["x"]!["items"]![0]!["apiKey"]!);
        Assert.Equal("ka", (string)incoming["x"]!["items"]![1]!["apiKey"]!);
    }

    [Theory]
    [InlineData("token", true)]
    [InlineData("botToken", true)]
    [InlineData("apiKey", true)]
    [InlineData("OPENAI_API_KEY", true)]
    [InlineData("signingSecret", true)]
    [InlineData("privateKey", true)]
    [InlineData("password", true)]
    [InlineData("sessionKey", false)]
    [InlineData("defaultSessionKey", false)]
    [InlineData("maxTokens", false)]
    [InlineData("publicKey", false)]
    [InlineData("mode", false)]
    public void SecretKeyNames(string key, bool secret) => Assert.Equal(secret, ConfigRedactor.IsSecretKey(key));
}
