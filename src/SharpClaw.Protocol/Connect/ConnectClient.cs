namespace SharpClaw.Protocol.Connect;

/// <summary><c>connect.params.client</c>.</summary>
public sealed record ConnectClient(string Id, string Version, string Platform, string Mode)
{
    public string? DisplayName { get; init; }

    public string? DeviceFamily { get; init; }

    public string? ModelIdentifier { get; init; }

    public string? InstanceId { get; init; }

    public string? TimeZone { get; init; }

    public string? BuildId { get; init; }
}
