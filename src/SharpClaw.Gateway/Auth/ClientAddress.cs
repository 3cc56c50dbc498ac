using System.Net;

namespace SharpClaw.Gateway.Auth;

/// <summary>IP normalisation shared by limiters and locality checks (IPv4-mapped IPv6 → IPv4).</summary>
public static class ClientAddress
{
    public static IPAddress Normalize(IPAddress? address)
    {
        if (address is null)
        {
            return IPAddress.None;
        }

        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
    }

    public static string Key(IPAddress? address) => address is null ? "unknown" : Normalize(address).ToString();

    public static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(Normalize(address));

    /// <summary>True for RFC 1918, CGNAT, link-local, ULA and loopback addresses.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        address = Normalize(address);
        if (IPAddress.IsLoopback(address))
        {
            return true;
        }

        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || (b[0] == 169 && b[1] == 254);
        }

        return address.IsIPv6LinkLocal || address.IsIPv6UniqueLocal || address.IsIPv6SiteLocal;
    }

    /// <summary>Matches an address against "1.2.3.4" or CIDR "10.0.0.0/8" entries.</summary>
    public static bool MatchesAny(IPAddress? address, IEnumerable<string> entries)
    {
        if (address is null)
        {
            return false;
        }

        var ip = Normalize(address);
        foreach (var entry in entries)
        {
            var e = entry.Trim();
            if (e.Contains('/', StringComparison.Ordinal))
            {
                if (IPNetwork.TryParse(e, out var net) && net.Contains(ip))
                {
                    return true;
                }
            }
            else if (IPAddress.TryParse(e, out var single) && Normalize(single).Equals(ip))
            {
                return true;
            }
        }

        return false;
    }
}
