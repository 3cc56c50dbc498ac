using SharpClaw.Core.Security;

namespace SharpClaw.Gateway.Tests.Infrastructure;

/// <summary>How <see cref="WsTestClient.ConnectAsync"/> builds its connect request.</summary>
public sealed record ConnectOptions
{
    public string? Token { get; init; }

    public string? Password { get; init; }

    public string? DeviceToken { get; init; }

    public string ClientId { get; init; } = "gateway-client";

    public string ClientMode { get; init; } = "cli";

    public string Platform { get; init; } = "linux";

    public string? DeviceFamily { get; init; }

    public string? Role { get; init; } = "operator";

    public string[] Scopes { get; init; } = ["operator.read"];

    public string[] Caps { get; init; } = [];

    public int MinProtocol { get; init; } = 4;

    public int MaxProtocol { get; init; } = 4;

    /// <summary>The device to sign with; null sends no device block.</summary>
    public DeviceIdentity? Device { get; init; }

    /// <summary>Create a fresh device when <see cref="Device"/> is null.</summary>
    public bool WithDevice { get; init; } = true;

    public bool SignV2 { get; init; }

    /// <summary>Lets a test tamper with the device block (id, nonce, signedAt, signature, publicKey).</summary>
    public Action<System.Text.Json.Nodes.JsonObject>? MutateDevice { get; init; }

    public Action<System.Text.Json.Nodes.JsonObject>? MutateParams { get; init; }
}
