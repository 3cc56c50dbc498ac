using System.Text.Json;
using SharpClaw.Protocol.Auth;

namespace SharpClaw.Protocol.Connect;

/// <summary>Validates <c>connect</c> params against the closed ConnectParams schema, collecting every error.</summary>
public static class ConnectParamsParser
{
    private static readonly HashSet<string> TopLevel = new(StringComparer.Ordinal)
    {
        "minProtocol", "maxProtocol", "client", "role", "scopes", "caps", "commands", "permissions", "pathEnv", "computerUse",
        "workerRuns", "modelCatalog", "device", "auth", "locale", "userAgent",
    };

    private static readonly HashSet<string> ClientKeys = new(StringComparer.Ordinal)
    {
        "id", "displayName", "version", "buildId", "platform", "deviceFamily", "modelIdentifier", "timeZone", "mode", "instanceId",
    };

    private static readonly HashSet<string> AuthKeys = new(StringComparer.Ordinal)
    {
        "token", "bootstrapToken", "deviceToken", "password", "approvalRuntimeToken", "agentRuntimeIdentityToken",
    };

    private static readonly HashSet<string> DeviceKeys = new(StringComparer.Ordinal) { "id", "publicKey", "signature", "signedAt", "nonce" };

    public static (ConnectParams? Params, string? Error) Parse(JsonElement? element)
    {
        var errors = new List<string>();
        if (element is not { ValueKind: JsonValueKind.Object } root)
        {
            return (null, "at root: must be object");
        }

        CheckKeys(root, TopLevel, "root", errors);
        var min = RequiredInt(root, "minProtocol", "root", errors);
        var max = RequiredInt(root, "maxProtocol", "root", errors);
        ConnectClient? client = null;
        if (!root.TryGetProperty("client", out var c))
        {
            errors.Add("at root: must have required property 'client'");
        }
        else if (c.ValueKind != JsonValueKind.Object)
        {
            errors.Add("at /client: must be object");
        }
        else
        {
            client = ParseClient(c, errors);
        }

        var role = OptionalString(root, "role", "root", errors, 64);
        var scopes = StringArray(root, "scopes", errors);
        var caps = StringArray(root, "caps", errors);
        var commands = StringArray(root, "commands", errors);
        var auth = new ConnectAuth();
        if (root.TryGetProperty("auth", out var a))
        {
            if (a.ValueKind != JsonValueKind.Object)
            {
                errors.Add("at /auth: must be object");
            }
            else
            {
                CheckKeys(a, AuthKeys, "/auth", errors);
                auth = new ConnectAuth
                {
                    Token = OptionalString(a, "token", "/auth", errors, 4096),
                    BootstrapToken = OptionalString(a, "bootstrapToken", "/auth", errors, 4096),
                    DeviceToken = OptionalString(a, "deviceToken", "/auth", errors, 4096),
                    Password = OptionalString(a, "password", "/auth", errors, 4096),
                };
                OptionalString(a, "approvalRuntimeToken", "/auth", errors, 4096);
                OptionalString(a, "agentRuntimeIdentityToken", "/auth", errors, 4096);
            }
        }

        ConnectDevice? device = null;
        if (root.TryGetProperty("device", out var d))
        {
            device = ParseDevice(d, errors);
        }

        var locale = OptionalString(root, "locale", "root", errors, 64);
        var userAgent = OptionalString(root, "userAgent", "root", errors, 512);
        if (errors.Count > 0 || client is null)
        {
            return (null, string.Join("; ", errors));
        }

        return (new ConnectParams
        {
            MinProtocol = min,
            MaxProtocol = max,
            Client = client,
            Role = role,
            Scopes = scopes,
            Caps = caps,
            Commands = commands,
            Auth = auth,
            Device = device,
            Locale = locale,
            UserAgent = userAgent,
        }, null);
    }

    private static ConnectClient? ParseClient(JsonElement c, List<string> errors)
    {
        CheckKeys(c, ClientKeys, "/client", errors);
        var id = RequiredString(c, "id", "/client", errors);
        var version = RequiredString(c, "version", "/client", errors);
        var platform = RequiredString(c, "platform", "/client", errors);
        var mode = RequiredString(c, "mode", "/client", errors);
        if (id is not null && !ClientInfoRules.ClientIds.Contains(id))
        {
            errors.Add($"at /client/id: must be equal to one of the allowed values (got \"{id}\")");
        }

        if (mode is not null && !ClientInfoRules.ClientModes.Contains(mode))
        {
            errors.Add($"at /client/mode: must be equal to one of the allowed values (got \"{mode}\")");
        }

        var client = id is null || version is null || platform is null || mode is null ? null : new ConnectClient(id, version, platform, mode)
        {
            DisplayName = OptionalString(c, "displayName", "/client", errors, 256),
            DeviceFamily = OptionalString(c, "deviceFamily", "/client", errors, 128),
            ModelIdentifier = OptionalString(c, "modelIdentifier", "/client", errors, 128),
            InstanceId = OptionalString(c, "instanceId", "/client", errors, 256),
            TimeZone = OptionalString(c, "timeZone", "/client", errors, 64),
            BuildId = OptionalString(c, "buildId", "/client", errors, 96),
        };
        return client;
    }

    private static ConnectDevice? ParseDevice(JsonElement d, List<string> errors)
    {
        if (d.ValueKind != JsonValueKind.Object)
        {
            errors.Add("at /device: must be object");
            return null;
        }

        CheckKeys(d, DeviceKeys, "/device", errors);
        var id = RequiredString(d, "id", "/device", errors);
        var pub = RequiredString(d, "publicKey", "/device", errors);
        var sig = RequiredString(d, "signature", "/device", errors);
        var nonce = RequiredString(d, "nonce", "/device", errors);
        long signedAt = 0;
        if (!d.TryGetProperty("signedAt", out var s))
        {
            errors.Add("at /device: must have required property 'signedAt'");
        }
        else if (s.ValueKind != JsonValueKind.Number || !s.TryGetInt64(out signedAt) || signedAt < 0)
        {
            errors.Add("at /device/signedAt: must be integer >= 0");
        }

        return id is null || pub is null || sig is null || nonce is null ? null : new ConnectDevice(id, pub, sig, signedAt, nonce);
    }

    private static void CheckKeys(JsonElement obj, HashSet<string> allowed, string at, List<string> errors)
    {
        foreach (var p in obj.EnumerateObject())
        {
            if (!allowed.Contains(p.Name))
            {
                errors.Add($"at {at}: unexpected property '{p.Name}'");
            }
        }
    }

    private static int RequiredInt(JsonElement obj, string name, string at, List<string> errors)
    {
        if (!obj.TryGetProperty(name, out var v))
        {
            errors.Add($"at {at}: must have required property '{name}'");
            return 0;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var i) || i < 1)
        {
            errors.Add($"at /{name}: must be integer >= 1");
            return 0;
        }

        return i;
    }

    private static string? RequiredString(JsonElement obj, string name, string at, List<string> errors)
    {
        if (!obj.TryGetProperty(name, out var v))
        {
            errors.Add($"at {at}: must have required property '{name}'");
            return null;
        }

        if (v.ValueKind != JsonValueKind.String || v.GetString()!.Length == 0)
        {
            errors.Add($"at {Child(at, name)}: must be a non-empty string");
            return null;
        }

        return v.GetString();
    }

    private static string? OptionalString(JsonElement obj, string name, string at, List<string> errors, int maxLength)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Undefined)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            errors.Add($"at {Child(at, name)}: must be string");
            return null;
        }

        var s = v.GetString()!;
        if (s.Length > maxLength)
        {
            errors.Add($"at {Child(at, name)}: must NOT have more than {maxLength} characters");
            return null;
        }

        return s;
    }

    private static string[] StringArray(JsonElement obj, string name, List<string> errors)
    {
        if (!obj.TryGetProperty(name, out var v))
        {
            return [];
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"at /{name}: must be array");
            return [];
        }

        var list = new List<string>();
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                errors.Add($"at /{name}/{i}: must be string");
            }
            else
            {
                list.Add(item.GetString()!);
            }

            i++;
        }

        if (list.Count > 64)
        {
            errors.Add($"at /{name}: must NOT have more than 64 items");
        }

        return [.. list];
    }

    private static string Child(string at, string name) => at == "root" ? "/" + name : at + "/" + name;
}
