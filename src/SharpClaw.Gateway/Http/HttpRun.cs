using System.Threading.Channels;
using SharpClaw.Agents.Runs;

namespace SharpClaw.Gateway.Http;

/// <summary>An agent run started for an HTTP request: its assistant text deltas as they stream, and its result.</summary>
internal sealed class HttpRun(AgentRun run, Channel<string> deltas, IDisposable subscription, CancellationTokenRegistration abortOnDisconnect) : IDisposable
{
    public AgentRun Run => run;

    public ChannelReader<string> Deltas => deltas.Reader;

    public Task<AgentRunResult> Completion => run.Completion;

    public void Dispose()
    {
        abortOnDisconnect.Dispose();
        subscription.Dispose();
    }
}
