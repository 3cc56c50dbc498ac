using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SharpClaw.Gateway.Connections;
using SharpClaw.Protocol.Auth;
using SharpClaw.Protocol.Frames;
using SharpClaw.Protocol.Methods;

namespace SharpClaw.Gateway.Rpc;

/// <summary>
/// Authorises and runs requests after the handshake: role check, scope check (ws-protocol §6.4),
/// control-plane write limit, idempotency replay, then the handler. Handler crashes become UNAVAILABLE.
/// </summary>
public sealed partial class RpcDispatcher(MethodRegistry registry, IdempotencyCache dedupe, ControlPlaneRateLimiter controlPlane, ILogger logger)
{
    private const int UnauthorizedFloodLimit = 10;

    public async Task DispatchAsync(GatewayConnection connection, RequestFrame frame, CancellationToken cancellationToken)
    {
        using (frame)
        {
            var context = new RpcContext
            {
                Connection = connection,
                RequestId = frame.Id,
                Method = frame.Method,
                Params = frame.Params,
                CancellationToken = cancellationToken,
            };
            var outcome = await RunAsync(context);
            connection.Send(outcome.ToFrame(frame.Id));
            await context.RunAfterResponseAsync();
        }
    }

    public async Task<RpcOutcome> RunAsync(RpcContext context)
    {
        var connection = context.Connection;
        var method = context.Method;
        var denial = Authorize(connection, method, context.Params);
        if (denial is not null)
        {
            return new RpcOutcome(false, JsonPayload.None, denial);
        }

        if (!registry.TryGet(method, out var handler))
        {
            return new RpcOutcome(false, JsonPayload.None, ErrorShape.InvalidRequest($"unknown method: {method}"));
        }

        if (MethodScopes.ControlPlaneWrites.Contains(method))
        {
            var key = connection.Identity!.DeviceId ?? Auth.ClientAddress.Key(connection.RemoteIp);
            if (controlPlane.TryAcquire(key) is { } waitMs)
            {
                var seconds = (long)Math.Ceiling(waitMs / 1000.0);
                return new RpcOutcome(false, JsonPayload.None, new ErrorShape(
                    ErrorCodes.Unavailable,
                    $"rate limit exceeded for {method}; retry after {seconds}s",
                    new System.Text.Json.Nodes.JsonObject { ["method"] = method, ["limit"] = $"{controlPlane.Limit} per {controlPlane.WindowMs / 1000}s" },
                    true,
                    waitMs));
            }
        }

        if (MethodScopes.Idempotent.Contains(method) && IdempotencyKey(context.Params) is { } idemKey)
        {
            return await dedupe.GetOrRunAsync(method + "\n" + idemKey, () => InvokeAsync(handler, context));
        }

        return await InvokeAsync(handler, context);
    }

    private ErrorShape? Authorize(GatewayConnection connection, string method, JsonElement? parameters)
    {
        if (method == "health")
        {
            return null;
        }

        var identity = connection.Identity!;
        var nodeMethod = MethodScopes.IsNodeMethod(method);
        if (nodeMethod != (identity.Role == "node"))
        {
            connection.UnauthorizedStreak++;
            if (connection.UnauthorizedStreak > UnauthorizedFloodLimit)
            {
                _ = connection.CloseAsync(WebSocketCloseStatus.PolicyViolation, "repeated unauthorized calls");
            }

            return ErrorShape.InvalidRequest($"unauthorized role: {identity.Role}");
        }

        connection.UnauthorizedStreak = 0;
        if (identity.Role == "node")
        {
            return null;
        }

        var granted = (IReadOnlyCollection<string>)identity.Scopes;
        if (granted.Contains(OperatorScopes.Admin))
        {
            return null;
        }

        var required = MethodScopes.Lookup(method) ?? OperatorScopes.Admin;
        if (required == MethodScopes.Dynamic)
        {
            required = DynamicScope(method, parameters);
        }

        return OperatorScopes.Satisfies(granted, required) ? null : ErrorShape.MissingScope(required);
    }

    private static string DynamicScope(string method, JsonElement? parameters)
    {
        switch (method)
        {
            case "agent":
                if (parameters is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
                    && ResetCommand().IsMatch(m.GetString()!))
                {
                    return OperatorScopes.Admin;
                }

                return OperatorScopes.Write;
            case "sessions.patch":
                return OrganisationOnly(parameters) ? OperatorScopes.Write : OperatorScopes.Admin;
            case "node.invoke":
            case "sessions.create":
                return OperatorScopes.Write;
            default:
                return OperatorScopes.Admin;
        }
    }

    private static bool OrganisationOnly(JsonElement? parameters)
    {
        string[] allowed = ["key", "agentId", "expectedSessionId", "expectedLifecycleRevision", "label", "autoLabel", "icon", "color", "category", "boardFace", "boardPresentation", "pinned", "archived", "unread", "model", "agentRuntime", "thinkingLevel", "fastMode", "permissionMode"];
        if (parameters is not { ValueKind: JsonValueKind.Object } p)
        {
            return true;
        }

        foreach (var prop in p.EnumerateObject())
        {
            if (Array.IndexOf(allowed, prop.Name) < 0)
            {
                return false;
            }

            if (prop.Name == "permissionMode" && prop.Value.ValueKind == JsonValueKind.String && prop.Value.GetString() == "full")
            {
                return false;
            }
        }

        return true;
    }

    private static string? IdempotencyKey(JsonElement? parameters)
        => parameters is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty("idempotencyKey", out var k) && k.ValueKind == JsonValueKind.String && k.GetString()!.Length > 0
            ? k.GetString()
            : null;

    private async Task<RpcOutcome> InvokeAsync(RpcHandler handler, RpcContext context)
    {
        try
        {
            var payload = await handler(context);
            return new RpcOutcome(true, payload, null);
        }
        catch (RpcException ex)
        {
            return new RpcOutcome(false, ex.Payload is null ? JsonPayload.None : JsonPayload.From(ex.Payload), ex.Error);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            return new RpcOutcome(false, JsonPayload.None, ErrorShape.Unavailable("request cancelled: connection closed"));
        }
        catch (Exception ex)
        {
            LogHandlerFailed(logger, context.Method, ex);
            return new RpcOutcome(false, JsonPayload.None, new ErrorShape(ErrorCodes.Unavailable, $"{context.Method} failed: {ex.Message}", null, true, 1000));
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^/(new|reset)(\s.*)?$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex ResetCommand();

    [LoggerMessage(Level = LogLevel.Error, Message = "method {Method} failed")]
    private static partial void LogHandlerFailed(ILogger logger, string method, Exception ex);
}
