namespace SharpClaw.Providers.Copilot;

/// <summary>A pending GitHub device authorisation: show <see cref="UserCode"/> and <see cref="VerificationUri"/> to the user.</summary>
internal sealed record CopilotDeviceCode(string DeviceCode, string UserCode, Uri VerificationUri, DateTimeOffset ExpiresAt, TimeSpan Interval)
{
    /// <summary>Never prints the device code.</summary>
    public override string ToString() => $"CopilotDeviceCode({UserCode}, {VerificationUri}, expires {ExpiresAt:O})";
}
