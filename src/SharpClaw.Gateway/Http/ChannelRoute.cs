using Microsoft.AspNetCore.Http;

namespace SharpClaw.Gateway.Http;

/// <summary>A channel's HTTP handler under <c>/api/channels/</c>.</summary>
internal sealed record ChannelRoute(string Path, bool Prefix, Func<HttpContext, Task> Handler);
