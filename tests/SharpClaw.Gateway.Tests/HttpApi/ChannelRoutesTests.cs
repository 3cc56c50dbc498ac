using Microsoft.AspNetCore.Http;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.HttpApi;

/// <summary>http-surfaces.md §8 AU09/AU10: <c>/api/channels/*</c> behind gateway auth with path normalisation.</summary>
public sealed class ChannelRoutesTests
{
    private static async Task<(HttpApiHost Host, List<string> Calls)> StartAsync()
    {
        var calls = new List<string>();
        var host = await HttpApiHost.StartAsync(null, services =>
        {
            services.HttpExtensions.AddChannelRoute("/api/channels/nostr", prefix: true, async http =>
            {
                calls.Add(http.Request.Method + " " + http.Request.Path);
                await http.Response.WriteAsync("{\"ok\":true,\"profile\":{}}");
            });
            services.HttpExtensions.AddChannelRoute("/api/channels/broken", prefix: false, _ => throw new InvalidOperationException("boom"));
        });
        return (host, calls);
    }

    [Fact]
    public async Task AU09_ChannelRoutesNeedGatewayAuth_ThenReachTheHandler()
    {
        var (host, calls) = await StartAsync();
        await using (host)
        {
            var port = host.Gateway.Gateway.Port;
            foreach (var path in new[] { "/api/channels/nostr/default/profile", "/api/channels" })
            {
                var (status, body) = await RawHttp.SendAsync(port, "GET", path);
                Assert.Equal(401, status);
                Assert.Contains("\"type\":\"unauthorized\"", body, StringComparison.Ordinal);
            }

            Assert.Empty(calls);
            var ok = await RawHttp.SendAsync(port, "GET", "/api/channels/nostr/default/profile", TestGateway.Token);
            Assert.Equal(200, ok.Status);
            Assert.Contains("{\"ok\":true,\"profile\":{}}", ok.Body, StringComparison.Ordinal);
            Assert.Equal(["GET /api/channels/nostr/default/profile"], calls);
            Assert.Equal(200, (await RawHttp.SendAsync(port, "PUT", "/api/channels/nostr/default/profile", TestGateway.Token)).Status);
            Assert.Equal(404, (await RawHttp.SendAsync(port, "GET", "/api/channels/unknown/x", TestGateway.Token)).Status);
            var broken = await RawHttp.SendAsync(port, "GET", "/api/channels/broken", TestGateway.Token);
            Assert.Equal(500, broken.Status);
            Assert.Contains("Internal Server Error", broken.Body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/API/channels/nostr/default/profile")]
    [InlineData("/api/channels%2Fnostr%2Fdefault%2Fprofile")]
    [InlineData("/api%2525252fchannels%2525252fnostr%2525252fdefault%2525252fprofile")]
    [InlineData("/api/%63hannels/nostr/default/profile")]
    [InlineData("/api/foo/..%2fchannels/nostr/default/profile")]
    [InlineData("/api/foo/%2e%2e%2fchannels/nostr/default/profile")]
    [InlineData("/api/foo/%252e%252e%252fchannels/nostr/default/profile")]
    [InlineData("/api/channels//nostr/default/profile")]
    [InlineData("/api/channels/nostr/default/profile/")]
    [InlineData("/api/channels%2")]
    [InlineData("/api//channels%2")]
    [InlineData("/api/channels%zz")]
    public async Task AU10_EverySpellingOfTheProtectedPrefixNeedsAuth_AndEncodedPathsAreRefused(string target)
    {
        var (host, calls) = await StartAsync();
        await using (host)
        {
            var port = host.Gateway.Gateway.Port;
            var (status, _) = await RawHttp.SendAsync(port, "GET", target);
            Assert.True(status is 401 or 400, $"{target} → {status}");
            var authed = await RawHttp.SendAsync(port, "GET", target, TestGateway.Token);
            if (target.StartsWith("/API/", StringComparison.Ordinal))
            {
                Assert.Equal(200, authed.Status);
            }
            else
            {
                Assert.True(authed.Status == 400, $"{target} → {authed.Status} {authed.Body}");
            }

            Assert.True(calls.Count <= 1);
        }
    }
}
