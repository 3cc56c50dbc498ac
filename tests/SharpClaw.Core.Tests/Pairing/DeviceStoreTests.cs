using Microsoft.Extensions.Time.Testing;
using SharpClaw.Core.Pairing;
using SharpClaw.Core.State;

namespace SharpClaw.Core.Tests.Pairing;

public sealed class DeviceStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sharpclaw-pair-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<DeviceStore> StoreAsync(FakeTimeProvider time)
    {
        var db = new StateDatabase(Path.Combine(_dir, "p.db"));
        await db.InitializeAsync(GatewayMigrations.All, time, TestContext.Current.CancellationToken);
        return new DeviceStore(db, time);
    }

    private static PairingRequest Request(string id, string role, params string[] scopes) => new()
    {
        RequestId = id,
        DeviceId = "dev-1",
        PublicKey = "pk",
        Role = role,
        Scopes = scopes,
        Reason = "not-paired",
        Platform = "linux",
        CreatedAtMs = 1,
    };

    [Fact]
    public async Task Requests_AreDeduplicated_AndApprovalWidensBaseline()
    {
        var time = new FakeTimeProvider();
        var store = await StoreAsync(time);
        var ct = TestContext.Current.CancellationToken;
        var (first, created) = await store.AddRequestAsync(Request("r1", "operator", "operator.read"), ct);
        Assert.True(created);
        var (dup, created2) = await store.AddRequestAsync(Request("r2", "operator", "operator.read"), ct);
        Assert.False(created2);
        Assert.Equal("r1", dup.RequestId);
        await store.ApproveAsync(first, ct);
        Assert.Empty(await store.ListRequestsAsync(ct));
        await store.ApproveAsync(Request("r3", "node"), ct);
        var device = await store.GetDeviceAsync("dev-1", ct);
        Assert.Equal(["operator", "node"], device!.Roles);
        Assert.Equal(["operator.read"], device.Scopes);
    }

    [Fact]
    public async Task Tokens_PutRotateRevoke_AndRemoveCascades()
    {
        var time = new FakeTimeProvider();
        var store = await StoreAsync(time);
        var ct = TestContext.Current.CancellationToken;
        await store.ApproveAsync(Request("r1", "operator", "operator.read"), ct);
        await store.PutTokenAsync("dev-1", "operator", "t1", ["operator.read"], rotated: false, ct);
        time.Advance(TimeSpan.FromSeconds(5));
        var rotated = await store.PutTokenAsync("dev-1", "operator", "t2", ["operator.read"], rotated: true, ct);
        Assert.NotNull(rotated.RotatedAtMs);
        Assert.Equal("t2", (await store.GetTokenAsync("dev-1", "operator", ct))!.Token);
        Assert.True(await store.RevokeTokenAsync("dev-1", "operator", ct));
        Assert.False(await store.RevokeTokenAsync("dev-1", "operator", ct));
        Assert.NotNull((await store.GetTokenAsync("dev-1", "operator", ct))!.RevokedAtMs);
        Assert.True(await store.RemoveDeviceAsync("dev-1", ct));
        Assert.Null(await store.GetTokenAsync("dev-1", "operator", ct));
        Assert.Null(await store.GetDeviceAsync("dev-1", ct));
    }
}
