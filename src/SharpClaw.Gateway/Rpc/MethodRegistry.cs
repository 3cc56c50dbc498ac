namespace SharpClaw.Gateway.Rpc;

/// <summary>The methods this gateway implements. Advertised names go to <c>hello-ok.features.methods</c>.</summary>
public sealed class MethodRegistry
{
    private readonly Dictionary<string, RpcHandler> _handlers = new(StringComparer.Ordinal);
    private readonly List<string> _advertised = [];

    public void Add(string method, RpcHandler handler, bool advertise = true)
    {
        _handlers.Add(method, handler);
        if (advertise)
        {
            _advertised.Add(method);
        }
    }

    public bool TryGet(string method, out RpcHandler handler) => _handlers.TryGetValue(method, out handler!);

    public IReadOnlyList<string> Advertised => _advertised;
}
