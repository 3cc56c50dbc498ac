using System.Text.Json;

namespace SharpClaw.Gateway.Rpc;

/// <summary>Small helpers to read and validate method params with OpenClaw-style error text.</summary>
public static class ParamReader
{
    public static JsonElement Object(RpcContext ctx, params string[] allowed)
    {
        if (ctx.Params is not { } p || p.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return default;
        }

        if (p.ValueKind != JsonValueKind.Object)
        {
            throw RpcException.InvalidParams(ctx.Method, "at root: must be object");
        }

        if (allowed.Length > 0)
        {
            foreach (var prop in p.EnumerateObject())
            {
                if (Array.IndexOf(allowed, prop.Name) < 0)
                {
                    throw RpcException.InvalidParams(ctx.Method, $"at root: unexpected property '{prop.Name}'");
                }
            }
        }

        return p;
    }

    public static string? OptionalString(RpcContext ctx, JsonElement obj, string name, int maxLength = 4096)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            throw RpcException.InvalidParams(ctx.Method, $"at /{name}: must be string");
        }

        var s = v.GetString()!;
        if (s.Length > maxLength)
        {
            throw RpcException.InvalidParams(ctx.Method, $"at /{name}: must NOT have more than {maxLength} characters");
        }

        return s;
    }

    public static string RequiredString(RpcContext ctx, JsonElement obj, string name, int maxLength = 4096)
    {
        var s = OptionalString(ctx, obj, name, maxLength);
        if (string.IsNullOrEmpty(s))
        {
            throw RpcException.InvalidParams(ctx.Method, $"must have required property '{name}'");
        }

        return s;
    }

    public static long? OptionalLong(RpcContext ctx, JsonElement obj, string name, long min, long max)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out var l))
        {
            throw RpcException.InvalidParams(ctx.Method, $"at /{name}: must be integer");
        }

        if (l < min || l > max)
        {
            throw RpcException.InvalidParams(ctx.Method, $"at /{name}: must be >= {min} and <= {max}");
        }

        return l;
    }

    public static bool? OptionalBool(RpcContext ctx, JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw RpcException.InvalidParams(ctx.Method, $"at /{name}: must be boolean"),
        };
    }

    public static string[]? OptionalStringArray(RpcContext ctx, JsonElement obj, string name, int maxItems = 64)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Array || v.GetArrayLength() > maxItems || v.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw RpcException.InvalidParams(ctx.Method, $"at /{name}: must be an array of at most {maxItems} strings");
        }

        return [.. v.EnumerateArray().Select(e => e.GetString()!)];
    }
}
