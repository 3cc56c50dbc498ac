using System.Text.Json;
using System.Text.Json.Nodes;

namespace SharpClaw.Gateway.Http.Responses;

/// <summary>
/// The strict request schema of <c>POST /v1/responses</c>: unknown keys, wrong types and bad enum values are
/// refused with <c>&lt;path&gt;: &lt;message&gt;</c> (first problem only). Item and part shapes follow OpenResponses,
/// with the OpenAI wire variants (<c>image_url</c>, <c>file_data</c>, pinned <c>{type,name}</c>) accepted too.
/// </summary>
internal static class ResponsesSchema
{
    private static readonly string[] TopLevel = ["model", "input", "instructions", "tools", "tool_choice", "stream", "max_output_tokens", "max_tool_calls", "user", "temperature", "top_p", "metadata", "store", "previous_response_id", "reasoning", "truncation", "parallel_tool_calls"];
    private static readonly string[] ImageMimes = ["image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/heif"];

    /// <summary>Null when the body is valid, else the first problem.</summary>
    public static string? Validate(JsonNode? body)
    {
        if (body is not JsonObject o)
        {
            return Problem(string.Empty, "expected an object");
        }

        return Keys(o, string.Empty, TopLevel)
            ?? Required(o, string.Empty, "model") ?? Str(o, "model", string.Empty)
            ?? Required(o, string.Empty, "input") ?? Input(o["input"])
            ?? Str(o, "instructions", string.Empty) ?? Str(o, "user", string.Empty) ?? Str(o, "previous_response_id", string.Empty)
            ?? Bool(o, "stream", string.Empty) ?? Bool(o, "store", string.Empty) ?? Bool(o, "parallel_tool_calls", string.Empty)
            ?? PositiveInt(o, "max_output_tokens") ?? PositiveInt(o, "max_tool_calls")
            ?? Number(o, "temperature") ?? Number(o, "top_p")
            ?? Metadata(o["metadata"]) ?? Reasoning(o["reasoning"]) ?? Enum(o, "truncation", string.Empty, "auto", "disabled")
            ?? Tools(o["tools"]) ?? ToolChoice(o["tool_choice"]);
    }

    private static string? Input(JsonNode? input)
    {
        if (IsString(input))
        {
            return null;
        }

        if (input is not JsonArray items)
        {
            return Problem("input", "expected a string or an array of items");
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (Item(items[i], $"input.{i}") is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? Item(JsonNode? node, string path)
    {
        if (node is not JsonObject item)
        {
            return Problem(path, "expected an object");
        }

        var type = item["type"] is null && item.ContainsKey("role") ? "message" : S(item["type"]);
        return type switch
        {
            "message" => Keys(item, path, "type", "role", "content", "phase", "id", "status")
                ?? Required(item, path, "role") ?? Enum(item, "role", path, "system", "developer", "user", "assistant")
                ?? Required(item, path, "content") ?? Content(item["content"], path + ".content")
                ?? Phase(item, path),
            "function_call" => Keys(item, path, "type", "id", "call_id", "name", "arguments", "status")
                ?? Required(item, path, "name") ?? Str(item, "name", path) ?? Required(item, path, "arguments") ?? Str(item, "arguments", path)
                ?? Str(item, "id", path) ?? Str(item, "call_id", path),
            "function_call_output" => Keys(item, path, "type", "id", "call_id", "output", "status")
                ?? Required(item, path, "call_id") ?? Str(item, "call_id", path) ?? Required(item, path, "output") ?? Str(item, "output", path),
            "reasoning" => Keys(item, path, "type", "id", "content", "encrypted_content", "summary", "status"),
            "item_reference" => Keys(item, path, "type", "id") ?? Required(item, path, "id") ?? Str(item, "id", path),
            _ => Problem(path + ".type", "Invalid input: expected one of message, function_call, function_call_output, reasoning, item_reference"),
        };
    }

    private static string? Phase(JsonObject item, string path)
    {
        if (!item.ContainsKey("phase"))
        {
            return null;
        }

        if (S(item["role"]) != "assistant")
        {
            return Problem(path + ".phase", "`phase` is only valid on assistant messages.");
        }

        return Enum(item, "phase", path, "commentary", "final_answer");
    }

    private static string? Content(JsonNode? content, string path)
    {
        if (IsString(content))
        {
            return null;
        }

        if (content is not JsonArray parts)
        {
            return Problem(path, "expected a string or an array of content parts");
        }

        for (var i = 0; i < parts.Count; i++)
        {
            var p = $"{path}.{i}";
            if (parts[i] is not JsonObject part)
            {
                return Problem(p, "expected an object");
            }

            var problem = S(part["type"]) switch
            {
                "input_text" => Keys(part, p, "type", "text") ?? Required(part, p, "text") ?? Str(part, "text", p),
                "output_text" => Keys(part, p, "type", "text", "annotations", "logprobs") ?? Required(part, p, "text") ?? Str(part, "text", p),
                "input_image" => Keys(part, p, "type", "source", "image_url", "detail", "file_id") ?? ImageSource(part, p),
                "input_file" => Keys(part, p, "type", "source", "file_data", "file_url", "filename", "file_id") ?? FileSource(part, p),
                _ => Problem(p + ".type", "Invalid input: expected one of input_text, output_text, input_image, input_file"),
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? ImageSource(JsonObject part, string path)
    {
        if (part["source"] is not JsonObject source)
        {
            return IsString(part["image_url"]) ? null : Problem(path + ".source", "Invalid input: expected source {type:url|base64}");
        }

        return S(source["type"]) switch
        {
            "url" => Keys(source, path + ".source", "type", "url") ?? Url(source, path + ".source"),
            "base64" => Keys(source, path + ".source", "type", "media_type", "data")
                ?? Enum(source, "media_type", path + ".source", ImageMimes) ?? Required(source, path + ".source", "media_type") ?? NonEmpty(source, "data", path + ".source"),
            _ => Problem(path + ".source.type", "Invalid input: expected url or base64"),
        };
    }

    private static string? FileSource(JsonObject part, string path)
    {
        if (part["source"] is not JsonObject source)
        {
            return IsString(part["file_data"]) || IsString(part["file_url"]) ? Str(part, "filename", path) : Problem(path + ".source", "Invalid input: expected source {type:url|base64}");
        }

        return S(source["type"]) switch
        {
            "url" => Keys(source, path + ".source", "type", "url") ?? Url(source, path + ".source"),
            "base64" => Keys(source, path + ".source", "type", "media_type", "data", "filename")
                ?? NonEmpty(source, "media_type", path + ".source") ?? NonEmpty(source, "data", path + ".source") ?? Str(source, "filename", path + ".source"),
            _ => Problem(path + ".source.type", "Invalid input: expected url or base64"),
        };
    }

    private static string? Tools(JsonNode? tools)
    {
        if (tools is null)
        {
            return null;
        }

        if (tools is not JsonArray array)
        {
            return Problem("tools", "expected an array");
        }

        for (var i = 0; i < array.Count; i++)
        {
            var p = $"tools.{i}";
            if (array[i] is not JsonObject tool)
            {
                return Problem(p, "expected an object");
            }

            var problem = Keys(tool, p, "type", "name", "description", "parameters", "strict")
                ?? Enum(tool, "type", p, "function") ?? Required(tool, p, "type")
                ?? NonEmpty(tool, "name", p) ?? Str(tool, "description", p) ?? Bool(tool, "strict", p)
                ?? (tool["parameters"] is null or JsonObject ? null : Problem(p + ".parameters", "expected an object"));
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? ToolChoice(JsonNode? choice)
    {
        if (choice is null || S(choice) is "auto" or "none" or "required")
        {
            return null;
        }

        if (choice is JsonObject o && S(o["type"]) == "function" && (S(o["name"]) is not null || S(o["function"]?["name"]) is not null))
        {
            return null;
        }

        return Problem("tool_choice", "expected auto, none, required or {type:\"function\", function:{name}}");
    }

    private static string? Reasoning(JsonNode? reasoning)
    {
        if (reasoning is null)
        {
            return null;
        }

        if (reasoning is not JsonObject o)
        {
            return Problem("reasoning", "expected an object");
        }

        return Keys(o, "reasoning", "effort", "summary")
            ?? Enum(o, "effort", "reasoning", "low", "medium", "high") ?? Enum(o, "summary", "reasoning", "auto", "concise", "detailed");
    }

    private static string? Metadata(JsonNode? metadata)
    {
        if (metadata is null)
        {
            return null;
        }

        if (metadata is not JsonObject o)
        {
            return Problem("metadata", "expected a record of strings");
        }

        return o.Where(kv => !IsString(kv.Value)).Select(kv => Problem("metadata." + kv.Key, "expected a string")).FirstOrDefault();
    }

    private static string? Keys(JsonObject o, string path, params string[] allowed)
    {
        var unknown = o.Select(kv => kv.Key).FirstOrDefault(k => !allowed.Contains(k));
        return unknown is null ? null : Problem(path, $"Unrecognized key: \"{unknown}\"");
    }

    private static string? Required(JsonObject o, string path, string key)
        => o[key] is null ? Problem(Join(path, key), "Invalid input: expected a value, received undefined") : null;

    private static string? Str(JsonObject o, string key, string path)
        => o[key] is null || IsString(o[key]) ? null : Problem(Join(path, key), "Invalid input: expected string");

    private static string? NonEmpty(JsonObject o, string key, string path)
        => S(o[key]) is { Length: > 0 } ? null : Problem(Join(path, key), "Invalid input: expected a non-empty string");

    private static string? Bool(JsonObject o, string key, string path)
        => o[key] is null || o[key] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? null : Problem(Join(path, key), "Invalid input: expected boolean");

    private static string? Number(JsonObject o, string key)
        => o[key] is null || o[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? null : Problem(key, "Invalid input: expected number");

    private static string? PositiveInt(JsonObject o, string key)
        => o[key] is null || (o[key] is JsonValue v && v.TryGetValue<long>(out var n) && n > 0) ? null : Problem(key, "Invalid input: expected a positive integer");

    private static string? Enum(JsonObject o, string key, string path, params string[] values)
        => o[key] is null || values.Contains(S(o[key])) ? null : Problem(Join(path, key), $"Invalid option: expected one of {string.Join("|", values)}");

    private static string? Url(JsonObject source, string path)
        => S(source["url"]) is { } url && Uri.TryCreate(url, UriKind.Absolute, out _) ? null : Problem(path + ".url", "Invalid URL");

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    private static string Problem(string path, string message) => path.Length == 0 ? message : $"{path}: {message}";

    private static bool IsString(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    private static string? S(JsonNode? node) => ConfigValues.String(node);
}
