using System.Text;
using System.Text.Json.Nodes;
using SharpClaw.Agents.Runs;
using SharpClaw.Gateway.Http.OpenAi;

namespace SharpClaw.Gateway.Http.Responses;

/// <summary>
/// Builds the agent turn from a validated <c>/v1/responses</c> body: message items and <c>function_call_output</c>
/// become the condensed conversation; <c>instructions</c>, system/developer text, the tool-choice instruction and
/// file blocks become the extra system prompt (in that order); images of every message are attached, and so are the
/// rendered pages of a PDF with less than <c>files.pdf.minTextChars</c> of text.
/// </summary>
internal sealed class ResponsesInputBuilder(UrlInputFetcher fetcher, PdfPageRenderer renderer)
{
    public const string MissingUserMessage = "Missing user message in `input`.";

    /// <summary>Thrown for any file/image problem (answered with the generic 400 "invalid request").</summary>
    public sealed class InputException(string message) : Exception(message);

    public async Task<ResponsesInput?> BuildAsync(JsonObject body, InputLimits limits, CancellationToken ct)
    {
        var system = new List<string>();
        var entries = new List<ConversationEntry>();
        var images = new List<RunAttachment>();
        var files = new List<string>();
        var urlParts = 0;
        if (ConfigValues.String(body["input"]) is { } text)
        {
            if (text.Length > 0)
            {
                entries.Add(new ConversationEntry("user", "User", text));
            }
        }
        else
        {
            foreach (var item in (body["input"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var type = ConfigValues.String(item["type"]) ?? "message";
                if (type == "function_call_output")
                {
                    entries.Add(new ConversationEntry("tool", "Tool:" + ConfigValues.String(item["call_id"]), ConfigValues.String(item["output"]) ?? string.Empty));
                    continue;
                }

                if (type != "message")
                {
                    continue;
                }

                var role = ConfigValues.String(item["role"]);
                foreach (var part in (item["content"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    switch (ConfigValues.String(part["type"]))
                    {
                        case "input_image":
                            images.Add(await ImageAsync(part, limits, () => ++urlParts, ct));
                            break;
                        case "input_file":
                            files.Add(await FileAsync(part, limits, images, () => ++urlParts, ct));
                            break;
                    }
                }

                var messageText = ChatMessageText.Of(item["content"]);
                if (messageText.Length == 0)
                {
                    continue;
                }

                if (role is "system" or "developer")
                {
                    system.Add(messageText);
                }
                else
                {
                    entries.Add(role == "assistant" ? new ConversationEntry("assistant", "Assistant", messageText) : new ConversationEntry("user", "User", messageText));
                }
            }
        }

        var prompt = ConversationPrompt.Build(entries);
        if (prompt.Length == 0)
        {
            return null;
        }

        var tools = Tools(body);
        var extra = new List<string>();
        if (ConfigValues.String(body["instructions"]) is { Length: > 0 } instructions)
        {
            extra.Add(instructions);
        }

        if (system.Count > 0)
        {
            extra.Add(string.Join("\n\n", system));
        }

        if (ChatRequestReader.ToolChoiceInstruction(body["tool_choice"], tools) is { } instruction)
        {
            extra.Add(instruction);
        }

        if (files.Count > 0)
        {
            extra.Add(string.Join("\n\n", files));
        }

        return new ResponsesInput
        {
            Prompt = prompt,
            ExtraSystemPrompt = extra.Count > 0 ? string.Join("\n\n", extra) : null,
            Images = images,
            Tools = tools,
        };
    }

    /// <summary>Client tools after <c>tool_choice</c>; throws <see cref="InputException"/> for an impossible choice.</summary>
    public static List<ClientFunctionTool> Tools(JsonObject body)
    {
        var tools = (body["tools"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(t => new ClientFunctionTool(ConfigValues.String(t["name"])!, ConfigValues.String(t["description"]), t["parameters"] as JsonObject, ConfigValues.Bool(t["strict"])))
            .ToList();
        var choice = body["tool_choice"];
        switch (ConfigValues.String(choice))
        {
            case "none":
                return [];
            case "required" when tools.Count == 0:
                throw new InputException("tool_choice \"required\" without tools");
        }

        if (choice is JsonObject pinned)
        {
            var name = (ConfigValues.String(pinned["name"]) ?? ConfigValues.String(pinned["function"]?["name"]))?.Trim();
            var match = tools.Where(t => t.Name == name).ToList();
            return match.Count == 1 ? match : throw new InputException($"tool_choice names an unknown tool: {name}");
        }

        return tools;
    }

    private async Task<RunAttachment> ImageAsync(JsonObject part, InputLimits limits, Func<int> countUrl, CancellationToken ct)
    {
        RunAttachment? image;
        string? error;
        if (part["source"] is JsonObject source && ConfigValues.String(source["type"]) == "base64")
        {
            image = ImageInput.FromBase64(ConfigValues.String(source["media_type"])!, ConfigValues.String(source["data"])!, out error);
        }
        else
        {
            var url = ConfigValues.String(part["source"]?["url"]) ?? ConfigValues.String(part["image_url"]) ?? string.Empty;
            if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                image = ImageInput.FromDataUri(url, out error);
            }
            else
            {
                if (!limits.ImagesAllowUrl)
                {
                    throw new InputException("image URLs are disabled");
                }

                var bytes = await FetchAsync(url, limits.ImagesUrlAllowlist, ImageInput.MaxImageBytes, limits, countUrl, ct);
                image = ImageInput.FromBase64(bytes.ContentType ?? "application/octet-stream", Convert.ToBase64String(bytes.Bytes), out error);
            }
        }

        return image ?? throw new InputException(error ?? "invalid image");
    }

    private async Task<string> FileAsync(JsonObject part, InputLimits limits, List<RunAttachment> images, Func<int> countUrl, CancellationToken ct)
    {
        byte[] bytes;
        string? mime;
        string? name = ConfigValues.String(part["filename"]);
        if (part["source"] is JsonObject source && ConfigValues.String(source["type"]) == "base64")
        {
            mime = ConfigValues.String(source["media_type"]);
            name = ConfigValues.String(source["filename"]) ?? name;
            bytes = Decode(ConfigValues.String(source["data"])!);
        }
        else if (ConfigValues.String(part["file_data"]) is { } data)
        {
            var comma = data.IndexOf(',', StringComparison.Ordinal);
            mime = data.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && comma > 0 ? data[5..comma].Split(';')[0] : "text/plain";
            bytes = Decode(comma > 0 ? data[(comma + 1)..] : data);
        }
        else
        {
            if (!limits.FilesAllowUrl)
            {
                throw new InputException("file URLs are disabled");
            }

            var url = ConfigValues.String(part["source"]?["url"]) ?? ConfigValues.String(part["file_url"]) ?? string.Empty;
            var fetched = await FetchAsync(url, limits.FilesUrlAllowlist, limits.FileMaxBytes, limits, countUrl, ct);
            (bytes, mime) = (fetched.Bytes, fetched.ContentType);
            name ??= Path.GetFileName(new Uri(url).AbsolutePath);
        }

        var baseMime = (mime ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
        if (bytes.Length > limits.FileMaxBytes)
        {
            throw new InputException($"file larger than {limits.FileMaxBytes} bytes");
        }

        if (!limits.FileMimes.Contains(baseMime))
        {
            throw new InputException($"file type {baseMime} is not allowed");
        }

        if (baseMime == "application/pdf")
        {
            return await PdfAsync(name, bytes, limits, images, ct);
        }

        var text = Encoding.UTF8.GetString(bytes);
        if (text.Length > limits.FileMaxChars)
        {
            text = text[..limits.FileMaxChars];
        }

        return FileBlock.Render(name, text);
    }

    /// <summary>
    /// A PDF's block: its text when there is at least <c>minTextChars</c> of it; otherwise its first pages are also rendered
    /// and attached as images, and a PDF with no text at all gets the "rendered to images" placeholder (or, without a
    /// renderer, a note that it could not be read).
    /// </summary>
    private async Task<string> PdfAsync(string? name, byte[] bytes, InputLimits limits, List<RunAttachment> images, CancellationToken ct)
    {
        var content = ReadPdf(bytes, limits);
        var textChars = content.Text.Trim().Length;
        if (textChars >= limits.PdfMinTextChars)
        {
            return FileBlock.Render(name, content.Text);
        }

        IReadOnlyList<byte[]>? pages;
        try
        {
            pages = await renderer.RenderAsync(bytes, content, limits, ct);
        }
        catch (InvalidDataException ex)
        {
            throw new InputException("PDF pages could not be rendered: " + ex.Message);
        }

        images.AddRange((pages ?? []).Select(png => new RunAttachment("image/png", Convert.ToBase64String(png), name)));
        return textChars > 0 || pages is { Count: 0 } ? FileBlock.Render(name, content.Text)
            : FileBlock.Placeholder(name, pages is null ? FileBlock.NotRendered : FileBlock.RenderedToImages);
    }

    private static PdfContent ReadPdf(byte[] bytes, InputLimits limits)
    {
        try
        {
            return PdfText.Extract(bytes, limits.PdfMaxPages, limits.FileMaxChars);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InputException("PDF could not be read: " + ex.Message);
        }
    }

    private async Task<(byte[] Bytes, string? ContentType)> FetchAsync(string url, IReadOnlyList<string> allowlist, long maxBytes, InputLimits limits, Func<int> countUrl, CancellationToken ct)
    {
        if (countUrl() > limits.MaxUrlParts)
        {
            throw new InputException($"more than {limits.MaxUrlParts} URL parts");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new InputException("invalid URL");
        }

        try
        {
            return await fetcher.FetchAsync(uri, allowlist, maxBytes, ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or HttpRequestException or TaskCanceledException)
        {
            throw new InputException($"{url}: {ex.Message}");
        }
    }

    private static byte[] Decode(string data)
    {
        try
        {
            return Convert.FromBase64String(data.Trim());
        }
        catch (FormatException)
        {
            throw new InputException("file data is not valid base64");
        }
    }
}
