using Microsoft.Extensions.AI;

namespace SharpClaw.Gateway.Agents.Failover;

/// <summary>One model in the fail-over chain and how to stream from it.</summary>
public sealed record FailoverCandidate(string Provider, string Model, Func<IAsyncEnumerable<ChatResponseUpdate>> Stream);
