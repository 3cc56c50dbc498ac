using System.Text.Json.Nodes;

namespace SharpClaw.Gateway.Tests.HttpApi;

/// <summary>Parses a server-sent-events body into (event, data) frames.</summary>
public static class Sse
{
    public static List<(string? Event, string Data)> Frames(string body)
    {
        var frames = new List<(string?, string)>();
        foreach (var block in body.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            string? evt = null;
            string? data = null;
            foreach (var line in block.Split('\n'))
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    evt = line["event: ".Length..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data = line["data: ".Length..];
                }
            }

            if (data is not null)
            {
                frames.Add((evt, data));
            }
        }

        return frames;
    }

    public static List<JsonObject> Json(string body) => [.. Frames(body).Where(f => f.Data != "[DONE]").Select(f => (JsonObject)JsonNode.Parse(f.Data)!)];
}
