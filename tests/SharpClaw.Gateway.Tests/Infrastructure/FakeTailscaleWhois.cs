using System.Net;
using SharpClaw.Gateway.Auth;

namespace SharpClaw.Gateway.Tests.Infrastructure;

/// <summary>A whois that answers from a table (no tailscale daemon in tests).</summary>
public sealed class FakeTailscaleWhois(Dictionary<string, string> logins) : ITailscaleWhois
{
    public List<IPAddress> Queries { get; } = [];

    public Task<string?> WhoisAsync(IPAddress address, CancellationToken cancellationToken)
    {
        Queries.Add(address);
        return Task.FromResult(logins.GetValueOrDefault(address.ToString()));
    }
}
