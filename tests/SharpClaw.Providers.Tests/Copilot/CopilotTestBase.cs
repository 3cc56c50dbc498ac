using SharpClaw.Providers.Tests.Infrastructure;

namespace SharpClaw.Providers.Tests.Copilot;

/// <summary>Adds a <see cref="CopilotTestContext"/> on the per-test <see cref="GoldenServer"/>; <see cref="Arrange"/> adds the class's common routes.</summary>
public abstract class CopilotTestBase : GoldenServerTestBase
{
    private CopilotTestContext? _ctx;

    internal CopilotTestContext Ctx => _ctx!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _ctx = new CopilotTestContext(Server);
        Arrange();
    }

    public override async ValueTask DisposeAsync()
    {
        _ctx?.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected abstract void Arrange();
}
