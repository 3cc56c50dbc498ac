using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace SharpClaw.Gateway.Auth;

/// <summary>Runs the local <c>tailscale whois --json &lt;ip&gt;</c> and reads <c>UserProfile.LoginName</c>.</summary>
public sealed class TailscaleCliWhois(string executable = "tailscale") : ITailscaleWhois
{
    public async Task<string?> WhoisAsync(IPAddress address, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("whois");
        psi.ArgumentList.Add("--json");
        psi.ArgumentList.Add(ClientAddress.Normalize(address).ToString());
        using var process = Process.Start(psi);
        if (process is null)
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            return null;
        }

        using var doc = JsonDocument.Parse(output);
        return doc.RootElement.TryGetProperty("UserProfile", out var profile) && profile.TryGetProperty("LoginName", out var login)
            ? login.GetString()
            : null;
    }
}
