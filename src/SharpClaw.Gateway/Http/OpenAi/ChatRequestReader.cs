using System.Text.Json;
using System.Text.Json.Nodes;
using SharpClaw.Agents.Runs;

namespace SharpClaw.Gateway.Http.OpenAi;

/// <summary>
/// Reads a chat-completions body: system/developer messages → extra system prompt; user/assistant/tool
/// messages → the condensed conversation; <c>image_url</c> parts of the active user turn → images;
/// <c>tools</c> (function tools) → client tools unless <c>tool_choice</c> is <c>none</c>.
/// </summary>
internal static class ChatRequestReader
{
    public const string MissingUserMessage = "Missing user message in `messages`.";
    public const string InvalidImage = "Invalid image_url content in `messages`.";

    public static ChatCompletionInput? Read(JsonObject body, out string? error)
    {
        error = null;
        var messages = body["messages"] as JsonArray ?? [];
        var system = new List<string>();
        var entries = new List<ConversationEntry>();
        var activeUser = FindActiveTurn(messages);
        var images = new List<RunAttachment>();
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i] is not JsonObject m || ConfigValues.String(m["role"]) is not { } role)
            {
                continue;
            }

            role = role == "function" ? "tool" : role;
            var text = ChatMessageText.Of(m["content"]);
            switch (role)
            {
                case "system" or "developer":
                    if (text.Length > 0)
                    {
                        system.Add(text);
                    }

                    continue;
                case "user" or "assistant" or "tool":
                    break;
                default:
                    continue;
            }

            if (i == activeUser && role == "user" && !ReadImages(m["content"], images, out error))
            {
                return null;
            }

            if (text.Length == 0 && i == activeUser && images.Count > 0)
            {
                text = "User sent image(s) with no text.";
            }

            if (text.Length == 0)
            {
                continue;
            }

            var sender = role switch
            {
                "user" => "User",
                "assistant" => "Assistant",
                _ => ConfigValues.String(m["name"]) is { Length: > 0 } name ? "Tool:" + name : "Tool",
            };
            entries.Add(new ConversationEntry(role, sender, text));
        }

        var prompt = ConversationPrompt.Build(entries);
        if (prompt.Length == 0 && images.Count == 0)
        {
            error = MissingUserMessage;
            return null;
        }

        var tools = ReadTools(body, out error);
        if (error is not null)
        {
            return null;
        }

        if (ToolChoiceInstruction(body["tool_choice"], tools) is { } instruction)
        {
            system.Add(instruction);
        }

        return new ChatCompletionInput
        {
            Prompt = prompt,
            ExtraSystemPrompt = system.Count > 0 ? string.Join("\n\n", system) : null,
            Images = images,
            Tools = tools,
            Stream = IsTruthy(body["stream"]),
            IncludeUsage = body["stream_options"]?["include_usage"] is JsonValue u && u.GetValueKind() == JsonValueKind.True,
            User = ConfigValues.String(body["user"])?.Trim() is { Length: > 0 } user ? user : null,
        };
    }

    /// <summary>The last user/tool/function message (images are only taken from it when it is a user message).</summary>
    private static int FindActiveTurn(JsonArray messages)
    {
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i] is JsonObject m && ConfigValues.String(m["role"]) is "user" or "tool" or "function")
            {
                return i;
            }
        }

        return -1;
    }

    private static bool ReadImages(JsonNode? content, List<RunAttachment> images, out string? error)
    {
        error = null;
        if (content is not JsonArray parts)
        {
            return true;
        }

        long total = 0;
        foreach (var part in parts.OfType<JsonObject>().Where(p => ConfigValues.String(p["type"]) == "image_url"))
        {
            var url = ConfigValues.String(part["image_url"]) ?? ConfigValues.String(part["image_url"]?["url"]);
            if (images.Count >= ImageInput.MaxImageParts || url is null || ImageInput.FromDataUri(url, out _) is not { } image)
            {
                error = InvalidImage;
                return false;
            }

            total += ImageInput.DecodedLength(image);
            if (total > ImageInput.MaxTotalImageBytes)
            {
                error = InvalidImage;
                return false;
            }

            images.Add(image);
        }

        return true;
    }

    private static List<ClientFunctionTool> ReadTools(JsonObject body, out string? error)
    {
        error = null;
        var tools = new List<ClientFunctionTool>();
        if (body["tools"] is null)
        {
            return tools;
        }

        if (body["tools"] is not JsonArray array)
        {
            error = "`tools` must be an array of function tools.";
            return tools;
        }

        foreach (var item in array)
        {
            var fn = item?["function"] as JsonObject;
            var name = ConfigValues.String(fn?["name"])?.Trim();
            if (ConfigValues.String(item?["type"]) != "function" || string.IsNullOrEmpty(name))
            {
                error = "Each entry of `tools` must be {\"type\":\"function\",\"function\":{\"name\":...}}.";
                return tools;
            }

            tools.Add(new ClientFunctionTool(name, ConfigValues.String(fn!["description"]), fn["parameters"] as JsonObject, ConfigValues.Bool(fn["strict"])));
        }

        var choice = body["tool_choice"];
        if (ConfigValues.String(choice) == "none")
        {
            return [];
        }

        if (choice is JsonObject pinned)
        {
            var name = ConfigValues.String(pinned["function"]?["name"]);
            var match = tools.Where(t => t.Name == name).ToList();
            if (match.Count == 0)
            {
                error = $"`tool_choice` names a function that is not in `tools`: {name}";
                return tools;
            }

            return match;
        }

        return tools;
    }

    /// <summary>The system instruction a <c>required</c> or pinned tool choice adds.</summary>
    public static string? ToolChoiceInstruction(JsonNode? choice, IReadOnlyList<ClientFunctionTool> tools)
    {
        if (tools.Count == 0)
        {
            return null;
        }

        if (ConfigValues.String(choice) == "required")
        {
            return "You must call one of the available tools before responding.";
        }

        return choice is JsonObject && tools.Count == 1 ? $"You must call the {tools[0].Name} tool before responding." : null;
    }

    /// <summary>JavaScript truthiness (OpenClaw streams for any truthy <c>stream</c> value).</summary>
    private static bool IsTruthy(JsonNode? node) => node switch
    {
        null => false,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.String => v.GetValue<string>().Length > 0,
            JsonValueKind.Number => v.GetValue<double>() != 0,
            _ => false,
        },
        _ => true,
    };
}
