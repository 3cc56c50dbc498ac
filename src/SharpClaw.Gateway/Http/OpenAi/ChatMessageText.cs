using System.Text.Json;
using System.Text.Json.Nodes;

namespace SharpClaw.Gateway.Http.OpenAi;

/// <summary>Text of an OpenAI message <c>content</c>: a string, or the <c>text</c>/<c>input_text</c> parts joined by newlines.</summary>
internal static class ChatMessageText
{
    public static string Of(JsonNode? content)
    {
        if (content is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            return v.GetValue<string>().Trim();
        }

        if (content is not JsonArray parts)
        {
            return string.Empty;
        }

        var pieces = new List<string>();
        foreach (var part in parts.OfType<JsonObject>())
        {
            var type = ConfigValues.String(part["type"]);
            var text = type is "text" or "input_text" or "output_text" ? ConfigValues.String(part["text"]) : ConfigValues.String(part["input_text"]);
            if (!string.IsNullOrEmpty(text))
            {
                pieces.Add(text);
            }
        }

        return string.Join('\n', pieces).Trim();
    }
}
