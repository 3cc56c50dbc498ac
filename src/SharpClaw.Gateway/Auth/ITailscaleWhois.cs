using System.Net;

namespace SharpClaw.Gateway.Auth;

/// <summary>Resolves the Tailscale user behind a tailnet address (<c>tailscale whois</c>).</summary>
public interface ITailscaleWhois
{
    /// <summary>Returns the login name, or null when the address is not a known tailnet peer.</summary>
    Task<string?> WhoisAsync(IPAddress address, CancellationToken cancellationToken);
}
