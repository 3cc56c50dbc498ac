using SharpClaw.Providers.Tests.Infrastructure;

namespace SharpClaw.Providers.Tests.Copilot;

/// <summary>Starts a <see cref="GoldenServer"/> and a <see cref="CopilotTestContext"/> per test; <see cref="Arrange"/> adds the class's common routes.</summary>
public abstract class CopilotTestBase : IAsyncLifetime
{
    private GoldenServer? _server;
    private CopilotTestContext? _ctx;

    internal GoldenServer Server => _server!;

    internal CopilotTestContext Ctx => _ctx!;

    public async ValueTask InitializeAsync()
    {
        _server = await GoldenServer.StartAsync(TestContext.Current.CancellationToken);
        _ctx = new CopilotTestContext(_server);
        Arrange();
    }

    public async ValueTask DisposeAsync()
    {
        _ctx?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected abstract void Arrange();
}
