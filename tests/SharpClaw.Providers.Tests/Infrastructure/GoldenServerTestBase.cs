namespace SharpClaw.Providers.Tests.Infrastructure;

/// <summary>Starts a fresh <see cref="GoldenServer"/> before each test of the class and stops it after.</summary>
public abstract class GoldenServerTestBase : IAsyncLifetime
{
    private GoldenServer? _server;

    internal GoldenServer Server => _server ?? throw new InvalidOperationException("The golden server starts in InitializeAsync.");

    public virtual async ValueTask InitializeAsync()
        => _server = await GoldenServer.StartAsync(TestContext.Current.CancellationToken);

    public virtual async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
