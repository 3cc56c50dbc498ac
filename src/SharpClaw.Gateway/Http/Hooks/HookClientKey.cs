using System.Net;
using Microsoft.AspNetCore.Http;
using SharpClaw.Gateway.Auth;

namespace SharpClaw.Gateway.Http.Hooks;

/// <summary>
/// The client a hook auth failure counts against: the socket address, or — when the socket is a trusted proxy —
/// the right-most <c>X-Forwarded-For</c> hop that is neither loopback nor a trusted proxy. IPv4-mapped IPv6 is unwrapped.
/// </summary>
internal static class HookClientKey
{
    public static string Of(HttpContext http, IReadOnlyList<string> trustedProxies)
    {
        var socket = http.Connection.RemoteIpAddress;
        if (trustedProxies.Count > 0 && ClientAddress.MatchesAny(socket, trustedProxies))
        {
            var hops = http.Request.Headers["X-Forwarded-For"].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var hop in hops.Reverse())
            {
                if (IPAddress.TryParse(hop, out var ip) && !ClientAddress.IsLoopback(ip) && !ClientAddress.MatchesAny(ip, trustedProxies))
                {
                    return ClientAddress.Key(ip);
                }
            }
        }

        return ClientAddress.Key(socket);
    }
}
