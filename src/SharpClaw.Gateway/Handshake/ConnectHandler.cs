using System.Net.WebSockets;
using System.Text.Json.Nodes;
using SharpClaw.Core.Pairing;
using SharpClaw.Core.Security;
using SharpClaw.Gateway.Auth;
using SharpClaw.Gateway.Connections;
using SharpClaw.Gateway.Runtime;
using SharpClaw.Protocol;
using SharpClaw.Protocol.Auth;
using SharpClaw.Protocol.Connect;
using SharpClaw.Protocol.Events;
using SharpClaw.Protocol.Frames;

namespace SharpClaw.Gateway.Handshake;

/// <summary>
/// Runs the connect checks in OpenClaw's order (ws-protocol §4.5): params, worker claim, drain, protocol,
/// role, origin, shared auth + rate limit, missing-device policy, device proof, device token, pairing,
/// device-token issuance. Throws <see cref="ConnectFailure"/> on rejection.
/// </summary>
public sealed class ConnectHandler(GatewayServices services)
{
    public async Task<(ConnectionIdentity Identity, string? DeviceToken, long? IssuedAtMs)> HandleAsync(GatewayConnection connection, RequestFrame frame, string nonce, CancellationToken ct)
    {
        if (frame.Method != "connect")
        {
            throw ConnectFailure.Invalid("invalid handshake: first request must be connect");
        }

        var (p, error) = ConnectParamsParser.Parse(frame.Params);
        if (p is null)
        {
            throw ConnectFailure.Invalid($"invalid connect params: {error}");
        }

        if (p.Role == "worker" || p.Client.Id == "openclaw-worker" || p.Client.Mode == "worker")
        {
            throw ConnectFailure.Policy(ErrorShape.InvalidRequest("invalid handshake: worker identities are not accepted on this route"), "invalid-handshake");
        }

        if (services.Draining)
        {
            throw new ConnectFailure(
                new ErrorShape(ErrorCodes.Unavailable, "connect unavailable during gateway restart", new JsonObject { ["method"] = "connect", ["reason"] = "restart", ["phase"] = "draining" }, true, 1000),
                (WebSocketCloseStatus)1013,
                "gateway restart in progress");
        }

        CheckProtocol(p);
        var role = p.Role ?? "operator";
        if (role is not ("operator" or "node"))
        {
            throw ConnectFailure.Invalid("invalid role");
        }

        var settings = services.Settings();
        var request = connection.Request;
        var isLoopback = ClientAddress.IsLoopback(connection.RemoteIp);
        var ctx = new ConnectContext
        {
            Connection = connection,
            Params = p,
            Nonce = nonce,
            Role = role,
            IsDirectLocal = isLoopback && !request.HasProxyHeaders,
        };

        CheckOrigin(ctx, settings);
        await AuthenticateAsync(ctx, settings, ct);
        var scopes = ApplyMissingDevicePolicy(ctx);
        if (p.Device is not null)
        {
            VerifyDeviceProof(ctx, p.Device);
        }

        string? issuedToken = null;
        long? issuedAt = null;
        if (p.Device is not null)
        {
            if (ctx.PendingDeviceToken is not null)
            {
                await VerifyDeviceTokenAsync(ctx, settings, ct);
            }

            if (!IsLocalBackendHelper(ctx))
            {
                await EnsurePairedAsync(ctx, settings, ct);
                (issuedToken, issuedAt) = await EnsureDeviceTokenAsync(ctx, ct);
            }

            scopes = role == "node" ? [] : p.Scopes;
        }

        var identity = new ConnectionIdentity
        {
            Role = role,
            Scopes = scopes.Distinct(StringComparer.Ordinal).ToArray(),
            Client = p.Client,
            AuthMethod = ctx.AuthMethod ?? "none",
            DeviceId = p.Device?.Id,
            User = ctx.User,
            Caps = new HashSet<string>(p.Caps, StringComparer.Ordinal),
        };
        return (identity, issuedToken, issuedAt);
    }

    private static void CheckProtocol(ConnectParams p)
    {
        var v = ProtocolConstants.ProtocolVersion;
        var ok = (p.MinProtocol <= v && v <= p.MaxProtocol)
            || (p.Client.Mode == "probe" && p.MaxProtocol >= ProtocolConstants.MinProbeProtocolVersion && p.MinProtocol <= v)
            || (p.Role == "node" && p.Client.Mode == "node" && p.MinProtocol <= ProtocolConstants.MinNodeProtocolVersion && ProtocolConstants.MinNodeProtocolVersion <= p.MaxProtocol);
        if (!ok)
        {
            var details = new JsonObject
            {
                ["code"] = "PROTOCOL_MISMATCH",
                ["clientMinProtocol"] = p.MinProtocol,
                ["clientMaxProtocol"] = p.MaxProtocol,
                ["expectedProtocol"] = v,
                ["minimumProbeProtocol"] = ProtocolConstants.MinProbeProtocolVersion,
            };
            throw new ConnectFailure(ErrorShape.InvalidRequest("protocol mismatch", details), WebSocketCloseStatus.ProtocolError, "protocol mismatch");
        }
    }

    private static void CheckOrigin(ConnectContext ctx, GatewayRuntimeSettings settings)
    {
        var origin = ctx.Origin;
        var browserClient = ClientInfoRules.IsBrowserUi(ctx.Params.Client.Id);
        if (origin is null && !browserClient)
        {
            return;
        }

        if (origin is not null && (ctx.Params.Client.Id is "cli" or "openclaw-tui" || ctx.Params.Client.Mode is "cli" or "node"))
        {
            throw OriginPolicy.Failure(origin, "browser clients cannot claim a cli or node identity");
        }

        if (OriginPolicy.Check(origin, ctx.Connection.Request.Host, ctx.IsDirectLocal, settings) is { } reason)
        {
            throw OriginPolicy.Failure(origin ?? "(none)", reason);
        }
    }

    private (string Scope, string Key, bool LoopbackExempt) LimiterKey(ConnectContext ctx, string scope)
    {
        if (ctx.Origin is not null && ClientAddress.IsLoopback(ctx.Connection.RemoteIp))
        {
            return (scope, "browser-origin:" + ctx.Origin.Trim().ToLowerInvariant(), false);
        }

        return (scope, ClientAddress.Key(ctx.Connection.RemoteIp), ctx.IsDirectLocal);
    }

    private async Task AuthenticateAsync(ConnectContext ctx, GatewayRuntimeSettings settings, CancellationToken ct)
    {
        var auth = ctx.Params.Auth;
        var headers = ctx.Connection.Request.Headers;
        if (settings.AllowTailscale && auth.Token is null && auth.Password is null && headers.TryGetValue("tailscale-user-login", out var login))
        {
            await AuthenticateTailscaleAsync(ctx, login, ct);
            return;
        }

        switch (settings.AuthMode)
        {
            case "none":
                ctx.AuthMethod = "none";
                if (auth.DeviceToken is not null)
                {
                    ctx.PendingDeviceToken = auth.DeviceToken;
                    ctx.PendingFailureReason = "device_token_mismatch";
                }

                return;
            case "trusted-proxy":
                if (ctx.IsDirectLocal && auth.Password is not null && settings.Password is not null)
                {
                    await CheckSharedSecretAsync(ctx, "password", auth.Password, settings.Password, ct);
                    return;
                }

                AuthenticateTrustedProxy(ctx, settings);
                return;
            case "password":
                {
                    if (settings.Password is null)
                    {
                        throw AuthFailure.Create("password_missing_config");
                    }

                    var secret = auth.Password ?? auth.Token;
                    if (secret is null)
                    {
                        RequireDeviceTokenOr(ctx, "password_missing");
                        return;
                    }

                    await CheckSharedSecretAsync(ctx, "password", secret, settings.Password, ct);
                    return;
                }

            default:
                {
                    if (settings.Token is null)
                    {
                        throw AuthFailure.Create("token_missing_config");
                    }

                    var secret = auth.Token ?? auth.Password;
                    if (secret is null)
                    {
                        RequireDeviceTokenOr(ctx, "token_missing");
                        return;
                    }

                    await CheckSharedSecretAsync(ctx, "token", secret, settings.Token, ct);
                    return;
                }
        }
    }

    private static void RequireDeviceTokenOr(ConnectContext ctx, string missingReason)
    {
        if (ctx.Params.Auth.DeviceToken is { } deviceToken)
        {
            ctx.PendingDeviceToken = deviceToken;
            ctx.PendingFailureReason = "device_token_mismatch";
            return;
        }

        throw AuthFailure.Create(missingReason);
    }

    private async Task CheckSharedSecretAsync(ConnectContext ctx, string kind, string provided, string expected, CancellationToken ct)
    {
        var (scope, key, exempt) = LimiterKey(ctx, "shared-secret");
        if (services.AuthLimiter.CheckLockout(scope, key, exempt) is { } waitMs)
        {
            throw AuthFailure.Create("rate_limited", retryAfterMs: waitMs);
        }

        if (SecretComparer.SecretEquals(provided, expected))
        {
            services.AuthLimiter.Reset(scope, key);
            ctx.AuthMethod = kind;
            return;
        }

        // A device may present its device token in auth.token; it is verified after the device proof.
        if (ctx.Params.Device is not null && kind == "token" && ctx.Params.Auth.Token is not null)
        {
            ctx.PendingDeviceToken = ctx.Params.Auth.Token;
            ctx.PendingFailureReason = "token_mismatch";
            return;
        }

        await FailWithDelayAsync(scope, key, exempt, kind + "_mismatch", ct);
    }

    private async Task FailWithDelayAsync(string scope, string key, bool exempt, string reason, CancellationToken ct)
    {
        var delay = services.AuthLimiter.RecordFailure(scope, key, exempt);
        if (delay > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(delay), services.Time, ct);
        }

        throw AuthFailure.Create(reason);
    }

    private void AuthenticateTrustedProxy(ConnectContext ctx, GatewayRuntimeSettings settings)
    {
        var remote = ctx.Connection.RemoteIp;
        if (!ClientAddress.MatchesAny(remote, settings.TrustedProxies))
        {
            throw AuthFailure.Create("trusted_proxy_untrusted_source");
        }

        if (ClientAddress.IsLoopback(remote) && !settings.TrustedProxyAllowLoopback)
        {
            throw AuthFailure.Create("trusted_proxy_loopback_not_allowed");
        }

        var headers = ctx.Connection.Request.Headers;
        foreach (var required in settings.TrustedProxyRequiredHeaders)
        {
            if (!headers.ContainsKey(required.ToLowerInvariant()))
            {
                throw AuthFailure.Create("trusted_proxy_missing_header_" + required.ToLowerInvariant());
            }
        }

        var userHeader = (settings.TrustedProxyUserHeader ?? "x-forwarded-user").ToLowerInvariant();
        if (!headers.TryGetValue(userHeader, out var user) || string.IsNullOrWhiteSpace(user))
        {
            throw AuthFailure.Create("trusted_proxy_missing_header_user");
        }

        if (settings.TrustedProxyAllowUsers.Count > 0 && !settings.TrustedProxyAllowUsers.Contains(user.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            throw AuthFailure.Create("trusted_proxy_user_not_allowed");
        }

        ctx.AuthMethod = "trusted-proxy";
        ctx.User = user.Trim();
    }

    private async Task AuthenticateTailscaleAsync(ConnectContext ctx, string headerLogin, CancellationToken ct)
    {
        var address = ctx.Connection.Request.ForwardedFor ?? ctx.Connection.RemoteIp;
        if (string.IsNullOrWhiteSpace(headerLogin))
        {
            throw AuthFailure.Create("tailscale_user_missing");
        }

        if (address is null)
        {
            throw AuthFailure.Create("tailscale_proxy_missing");
        }

        string? login;
        try
        {
            login = await services.Tailscale.WhoisAsync(address, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            login = null;
        }

        if (login is null)
        {
            throw AuthFailure.Create("tailscale_whois_failed");
        }

        if (!string.Equals(login, headerLogin.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            throw AuthFailure.Create("tailscale_user_mismatch");
        }

        ctx.AuthMethod = "tailscale";
        ctx.User = login;
    }

    private static bool IsLocalBackendHelper(ConnectContext ctx)
        => ctx.IsDirectLocal && ctx.Params.Client.Id == "gateway-client" && ctx.Params.Client.Mode == "backend" && ctx.PendingDeviceToken is null;

    private static IReadOnlyList<string> ApplyMissingDevicePolicy(ConnectContext ctx)
    {
        var p = ctx.Params;
        if (p.Device is not null)
        {
            return p.Scopes;
        }

        if (ctx.PendingDeviceToken is not null)
        {
            if (ctx.PendingFailureReason == "token_mismatch")
            {
                throw AuthFailure.Create("token_mismatch");
            }

            throw DeviceRequired();
        }

        if (ctx.Role == "node")
        {
            throw DeviceRequired();
        }

        if (ClientInfoRules.IsBrowserUi(p.Client.Id) && ctx.AuthMethod is not ("trusted-proxy" or "none"))
        {
            throw ConnectFailure.Invalid(
                "control ui requires device identity (use a secure context: https or localhost)",
                new JsonObject { ["code"] = "CONTROL_UI_DEVICE_IDENTITY_REQUIRED" });
        }

        var localTrusted = ctx.IsDirectLocal && ((p.Client.Id == "cli" && p.Client.Mode == "cli") || (p.Client.Id == "gateway-client" && p.Client.Mode == "backend"));
        return localTrusted ? p.Scopes : [];
    }

    private static ConnectFailure DeviceRequired()
        => ConnectFailure.Policy(new ErrorShape(ErrorCodes.NotPaired, "device identity required", new JsonObject { ["code"] = "DEVICE_IDENTITY_REQUIRED" }));

    private void VerifyDeviceProof(ConnectContext ctx, ConnectDevice device)
    {
        var raw = DeviceIdentity.NormalizePublicKey(device.PublicKey)
            ?? throw ConnectFailure.DeviceProof("device public key invalid", "DEVICE_AUTH_PUBLIC_KEY_INVALID", "device-public-key");
        if (!string.Equals(DeviceIdentity.DeriveDeviceId(raw), device.Id.Trim(), StringComparison.Ordinal))
        {
            throw ConnectFailure.DeviceProof("device identity mismatch", "DEVICE_AUTH_DEVICE_ID_MISMATCH", "device-id-mismatch");
        }

        if (Math.Abs(services.Info.NowMs - device.SignedAt) > ProtocolConstants.DeviceSignatureSkewMs)
        {
            throw ConnectFailure.DeviceProof("device signature expired", "DEVICE_AUTH_SIGNATURE_EXPIRED", "device-signature-stale");
        }

        if (string.IsNullOrWhiteSpace(device.Nonce))
        {
            throw ConnectFailure.DeviceProof("device nonce required", "DEVICE_AUTH_NONCE_REQUIRED", "device-nonce-missing");
        }

        if (!string.Equals(device.Nonce.Trim(), ctx.Nonce, StringComparison.Ordinal))
        {
            throw ConnectFailure.DeviceProof("device nonce mismatch", "DEVICE_AUTH_NONCE_MISMATCH", "device-nonce-mismatch");
        }

        var p = ctx.Params;
        var token = p.Auth.Token ?? p.Auth.DeviceToken ?? p.Auth.BootstrapToken;
        var v3 = DeviceAuthPayload.BuildV3(device.Id, p.Client.Id, p.Client.Mode, ctx.Role, p.Scopes, device.SignedAt, token, device.Nonce, p.Client.Platform, p.Client.DeviceFamily);
        if (!DeviceIdentity.Verify(raw, v3, device.Signature))
        {
            var v2 = DeviceAuthPayload.BuildV2(device.Id, p.Client.Id, p.Client.Mode, ctx.Role, p.Scopes, device.SignedAt, token, device.Nonce);
            if (!DeviceIdentity.Verify(raw, v2, device.Signature))
            {
                throw ConnectFailure.DeviceProof("device signature invalid", "DEVICE_AUTH_SIGNATURE_INVALID", "device-signature");
            }
        }

        ctx.DevicePublicKey = raw;
    }

    private async Task VerifyDeviceTokenAsync(ConnectContext ctx, GatewayRuntimeSettings settings, CancellationToken ct)
    {
        var device = ctx.Params.Device!;
        var (scope, key, exempt) = LimiterKey(ctx, "device-token");
        var failure = ctx.PendingFailureReason ?? "device_token_mismatch";
        if (services.AuthLimiter.CheckLockout(scope, key, exempt) is { } waitMs)
        {
            throw AuthFailure.Create("rate_limited", retryAfterMs: waitMs);
        }

        var record = await services.Devices.GetTokenAsync(device.Id, ctx.Role, ct);
        var paired = await services.Devices.GetDeviceAsync(device.Id, ct);
        if (record is null || paired is null || record.RevokedAtMs is not null || !SecretComparer.SecretEquals(ctx.PendingDeviceToken, record.Token))
        {
            if (failure == "token_mismatch")
            {
                // Also count against the shared-secret budget: sending a device token must not bypass it.
                var shared = LimiterKey(ctx, "shared-secret");
                services.AuthLimiter.RecordFailure(shared.Scope, shared.Key, shared.LoopbackExempt);
            }

            await FailWithDelayAsync(scope, key, exempt, failure, ct);
            return;
        }

        if (!OperatorScopes.AllSatisfied((IReadOnlyCollection<string>)paired.Scopes, record.Scopes) || !OperatorScopes.AllSatisfied((IReadOnlyCollection<string>)record.Scopes, ctx.Params.Scopes))
        {
            throw AuthFailure.Create("scope_mismatch");
        }

        services.AuthLimiter.Reset(scope, key);
        ctx.AuthMethod = "device-token";
        await services.Devices.MarkTokenUsedAsync(device.Id, ctx.Role, ct);
    }

    private async Task EnsurePairedAsync(ConnectContext ctx, GatewayRuntimeSettings settings, CancellationToken ct)
    {
        var p = ctx.Params;
        var device = p.Device!;
        var paired = await services.Devices.GetDeviceAsync(device.Id, ct);
        string? reason = null;
        if (paired is null)
        {
            reason = "not-paired";
        }
        else if (!paired.Roles.Contains(ctx.Role))
        {
            reason = "role-upgrade";
        }
        else if (ctx.Role == "operator" && !OperatorScopes.AllSatisfied((IReadOnlyCollection<string>)paired.Scopes, p.Scopes))
        {
            reason = "scope-upgrade";
        }
        else if (DeviceAuthPayload.NormalizeMetadata(paired.Platform) != DeviceAuthPayload.NormalizeMetadata(p.Client.Platform)
            || DeviceAuthPayload.NormalizeMetadata(paired.DeviceFamily) != DeviceAuthPayload.NormalizeMetadata(p.Client.DeviceFamily))
        {
            reason = "metadata-upgrade";
        }

        if (reason is null)
        {
            await services.Devices.TouchAsync(device.Id, ct);
            return;
        }

        var request = new PairingRequest
        {
            RequestId = TokenGenerator.NewId(),
            DeviceId = device.Id,
            PublicKey = Base64Url.Encode(ctx.DevicePublicKey!),
            DisplayName = p.Client.DisplayName,
            Platform = p.Client.Platform,
            DeviceFamily = p.Client.DeviceFamily,
            ClientId = p.Client.Id,
            ClientMode = p.Client.Mode,
            Role = ctx.Role,
            Scopes = ctx.Role == "node" ? [] : p.Scopes,
            RemoteIp = ClientAddress.Key(ctx.Connection.RemoteIp),
            Reason = reason,
            IsRepair = paired is not null,
            CreatedAtMs = services.Info.NowMs,
        };

        var upgradingNode = paired is not null && paired.Roles.Contains("node");
        var silent = ctx.IsDirectLocal
            && settings.AutoApproveLocal
            && (ctx.Origin is null || ClientInfoRules.IsBrowserUi(p.Client.Id))
            && !upgradingNode
            && (reason != "scope-upgrade" || ctx.AuthMethod is "none" or "token" or "password" or "device-token");
        if (silent)
        {
            await services.Devices.ApproveAsync(request, ct);
            BroadcastRequested(request, silent: true);
            BroadcastResolved(request.RequestId, request.DeviceId, "approved");
            return;
        }

        var (stored, created) = await services.Devices.AddRequestAsync(request, ct);
        if (created)
        {
            BroadcastRequested(stored, silent: false);
        }

        var requirement = reason switch
        {
            "role-upgrade" => "role upgrade pending approval",
            "scope-upgrade" => "scope upgrade pending approval",
            "metadata-upgrade" => "device metadata change pending approval",
            _ => "device is not approved yet",
        };
        var details = new JsonObject
        {
            ["code"] = "PAIRING_REQUIRED",
            ["reason"] = reason,
            ["requestId"] = stored.RequestId,
            ["remediationHint"] = $"Approve this device from the pending pairing requests (sharpclaw devices approve {stored.RequestId}).",
            ["deviceId"] = device.Id,
            ["requestedRole"] = ctx.Role,
            ["requestedScopes"] = JsonNodes.StringArray(stored.Scopes),
            ["recommendedNextStep"] = "wait_then_retry",
            ["retryable"] = true,
            ["pauseReconnect"] = false,
        };
        if (paired is not null)
        {
            details["approvedRoles"] = JsonNodes.StringArray(paired.Roles);
            details["approvedScopes"] = JsonNodes.StringArray(paired.Scopes);
        }

        var message = "pairing required: " + requirement;
        throw ConnectFailure.Policy(new ErrorShape(ErrorCodes.NotPaired, message, details), $"{message} (requestId: {stored.RequestId})");
    }

    private async Task<(string? Token, long? IssuedAtMs)> EnsureDeviceTokenAsync(ConnectContext ctx, CancellationToken ct)
    {
        var device = ctx.Params.Device!;
        var requested = ctx.Role == "node" ? [] : ctx.Params.Scopes;
        var existing = await services.Devices.GetTokenAsync(device.Id, ctx.Role, ct);
        if (existing is not null && existing.RevokedAtMs is null && OperatorScopes.AllSatisfied((IReadOnlyCollection<string>)existing.Scopes, requested))
        {
            return (existing.Token, existing.RotatedAtMs ?? existing.CreatedAtMs);
        }

        var scopes = existing is null || existing.RevokedAtMs is not null ? requested : existing.Scopes.Union(requested).ToArray();
        var issued = await services.Devices.PutTokenAsync(device.Id, ctx.Role, TokenGenerator.NewDeviceToken(), scopes, rotated: existing is not null, ct);
        return (issued.Token, issued.RotatedAtMs ?? issued.CreatedAtMs);
    }

    private void BroadcastRequested(PairingRequest r, bool silent)
    {
        var payload = new JsonObject
        {
            ["requestId"] = r.RequestId,
            ["deviceId"] = r.DeviceId,
            ["publicKey"] = r.PublicKey,
            ["role"] = r.Role,
            ["roles"] = new JsonArray(r.Role),
            ["scopes"] = JsonNodes.StringArray(r.Scopes),
            ["silent"] = silent,
            ["isRepair"] = r.IsRepair,
            ["ts"] = r.CreatedAtMs,
        };
        AddIfPresent(payload, "displayName", r.DisplayName);
        AddIfPresent(payload, "platform", r.Platform);
        AddIfPresent(payload, "deviceFamily", r.DeviceFamily);
        AddIfPresent(payload, "clientId", r.ClientId);
        AddIfPresent(payload, "clientMode", r.ClientMode);
        AddIfPresent(payload, "remoteIp", r.RemoteIp);
        services.Connections.Broadcast(EventNames.DevicePairRequested, payload);
    }

    private void BroadcastResolved(string requestId, string deviceId, string decision)
        => services.Connections.Broadcast(EventNames.DevicePairResolved, new JsonObject
        {
            ["requestId"] = requestId,
            ["deviceId"] = deviceId,
            ["decision"] = decision,
            ["ts"] = services.Info.NowMs,
        });

    private static void AddIfPresent(JsonObject o, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            o[key] = value;
        }
    }
}
