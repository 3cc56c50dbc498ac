using SharpClaw.Core.Config;
using static SharpClaw.Core.Tests.Config.ConfigTestData;

namespace SharpClaw.Core.Tests.Config;

public sealed class GatewaySettingsTests
{
    [Fact]
    public void Defaults()
    {
        var s = GatewaySettings.From(J("{}"));
        Assert.Equal(18789, s.Port);
        Assert.Equal("loopback", s.Bind);
        Assert.Null(s.CustomBindHost);
        Assert.Equal("token", s.AuthMode);
        Assert.False(s.AuthModeExplicit);
        Assert.Null(s.Token);
        Assert.False(s.AllowTailscale);
        Assert.Equal(new GatewayRateLimitSettings(10, 60_000, 300_000, true), s.RateLimit);
        Assert.Empty(s.TrustedProxies);
        Assert.Null(s.TrustedProxy.UserHeader);
        Assert.False(s.TrustedProxy.AllowLoopback);
        Assert.True(s.ControlUi.Enabled);
        Assert.Equal("/", s.ControlUi.BasePath);
        Assert.Empty(s.ControlUi.AllowedOrigins);
        Assert.False(s.ControlUi.DangerouslyAllowHostHeaderOriginFallback);
        Assert.True(s.AutoApproveLocal);
        Assert.False(s.HooksEnabled);
        Assert.Null(s.HooksToken);
        Assert.Equal(s, GatewaySettings.From(null));
    }

    [Fact]
    public void ReadsEverySetting()
    {
        var s = GatewaySettings.From(J("""
            {
              gateway: {
                port: 19000, bind: "custom", customBindHost: "192.168.1.5",
                auth: { mode: "trusted-proxy", token: "t", allowTailscale: true,
                        rateLimit: { maxAttempts: 3, windowMs: 1000, lockoutMs: 0, exemptLoopback: false },
                        trustedProxy: { userHeader: "x-user", requiredHeaders: ["x-proof"], allowUsers: ["a@b"], allowLoopback: true } },
                trustedProxies: ["10.0.0.0/8"],
                controlUi: { enabled: false, basePath: "/claw", allowedOrigins: ["https://x"], dangerouslyAllowHostHeaderOriginFallback: true },
                nodes: { pairing: { autoApproveLocal: false } },
              },
              hooks: { enabled: true, token: "hk" },
            }
            """));
        Assert.Equal(19000, s.Port);
        Assert.Equal("custom", s.Bind);
        Assert.Equal("192.168.1.5", s.CustomBindHost);
        Assert.Equal("trusted-proxy", s.AuthMode);
        Assert.True(s.AuthModeExplicit);
        Assert.Equal("t", s.Token);
        Assert.True(s.AllowTailscale);
        Assert.Equal(new GatewayRateLimitSettings(3, 1000, 0, false), s.RateLimit);
        Assert.Equal(["10.0.0.0/8"], s.TrustedProxies);
        Assert.Equal("x-user", s.TrustedProxy.UserHeader);
        Assert.Equal(["x-proof"], s.TrustedProxy.RequiredHeaders);
        Assert.Equal(["a@b"], s.TrustedProxy.AllowUsers);
        Assert.True(s.TrustedProxy.AllowLoopback);
        Assert.False(s.ControlUi.Enabled);
        Assert.Equal("/claw", s.ControlUi.BasePath);
        Assert.Equal(["https://x"], s.ControlUi.AllowedOrigins);
        Assert.True(s.ControlUi.DangerouslyAllowHostHeaderOriginFallback);
        Assert.False(s.AutoApproveLocal);
        Assert.True(s.HooksEnabled);
        Assert.Equal("hk", s.HooksToken);
    }

    [Theory]
    [InlineData("{ gateway: { auth: { password: 'p' } } }", "password")]
    [InlineData("{ gateway: { auth: { token: 't' } } }", "token")]
    [InlineData("{ gateway: { auth: { mode: 'none', password: 'p' } } }", "none")]
    public void AuthMode_IsExplicitElsePasswordWhenSetElseToken(string json5, string mode)
        => Assert.Equal(mode, GatewaySettings.From(J(json5)).AuthMode);

    [Fact]
    public void ReadsTheResolvedConfig_WithEnvOverrides()
    {
        var snapshot = ConfigEvaluator.Evaluate("/x/sharpclaw.json", "{ gateway: { auth: { mode: 'password' } } }", Env((ConfigEnvOverrides.PasswordVariable, "env-pass")), null);
        var s = GatewaySettings.From(snapshot.Resolved);
        Assert.Equal("password", s.AuthMode);
        Assert.Equal("env-pass", s.Password);
    }

    [Fact]
    public void SecretRefTokens_ThatAreNotResolved_ReadAsUnset()
        => Assert.Null(GatewaySettings.From(J("{ gateway: { auth: { token: { source: 'file', id: 'x' } } } }")).Token);
}
