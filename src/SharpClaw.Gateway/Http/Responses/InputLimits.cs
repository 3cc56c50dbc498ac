using System.Text.Json.Nodes;

namespace SharpClaw.Gateway.Http.Responses;

/// <summary>File and image limits of <c>/v1/responses</c> (<c>gateway.http.endpoints.responses.{files,images,maxUrlParts}</c>).</summary>
internal sealed record InputLimits
{
    public static readonly IReadOnlyList<string> DefaultFileMimes = ["text/plain", "text/markdown", "text/html", "text/csv", "application/json", "application/pdf"];

    public int MaxUrlParts { get; init; } = 8;

    public bool FilesAllowUrl { get; init; } = true;

    public IReadOnlyList<string> FilesUrlAllowlist { get; init; } = [];

    public IReadOnlyList<string> FileMimes { get; init; } = DefaultFileMimes;

    public long FileMaxBytes { get; init; } = 5 * 1024 * 1024;

    public int FileMaxChars { get; init; } = 200_000;

    /// <summary><c>files.pdf.maxPages</c>: pages whose text is extracted, and at most rendered (default 4).</summary>
    public int PdfMaxPages { get; init; } = 4;

    /// <summary><c>files.pdf.maxPixels</c>: width × height bound of each rendered page (default 4,000,000).</summary>
    public long PdfMaxPixels { get; init; } = 4_000_000;

    /// <summary><c>files.pdf.minTextChars</c>: a PDF with less extracted text is rendered to images (default 200).</summary>
    public int PdfMinTextChars { get; init; } = 200;

    /// <summary><c>files.pdf.renderer</c>: path of <c>pdftoppm</c>; null looks it up on <c>PATH</c>.</summary>
    public string? PdfRenderer { get; init; }

    public bool ImagesAllowUrl { get; init; } = true;

    public IReadOnlyList<string> ImagesUrlAllowlist { get; init; } = [];

    public static InputLimits From(JsonObject? config)
    {
        var files = config?["files"] as JsonObject;
        var images = config?["images"] as JsonObject;
        var pdf = files?["pdf"] as JsonObject;
        var fileMimes = ConfigValues.Strings(files?["allowedMimes"]);
        return new InputLimits
        {
            MaxUrlParts = ConfigValues.Long(config?["maxUrlParts"]) is >= 0 and var n ? (int)n : 8,
            FilesAllowUrl = ConfigValues.Bool(files?["allowUrl"]) ?? true,
            FilesUrlAllowlist = ConfigValues.Strings(files?["urlAllowlist"]),
            FileMimes = fileMimes.Count > 0 ? fileMimes : DefaultFileMimes,
            FileMaxBytes = ConfigValues.Long(files?["maxBytes"]) is > 0 and var fb ? fb : 5 * 1024 * 1024,
            FileMaxChars = ConfigValues.Long(files?["maxChars"]) is > 0 and var fc ? (int)fc : 200_000,
            PdfMaxPages = ConfigValues.Long(pdf?["maxPages"]) is > 0 and var pages ? (int)Math.Min(pages, 1000) : 4,
            PdfMaxPixels = ConfigValues.Long(pdf?["maxPixels"]) is > 0 and var pixels ? Math.Min(pixels, 100_000_000) : 4_000_000,
            PdfMinTextChars = ConfigValues.Long(pdf?["minTextChars"]) is >= 0 and var chars ? (int)Math.Min(chars, int.MaxValue) : 200,
            PdfRenderer = ConfigValues.String(pdf?["renderer"]) is { Length: > 0 } renderer ? renderer : null,
            ImagesAllowUrl = ConfigValues.Bool(images?["allowUrl"]) ?? true,
            ImagesUrlAllowlist = ConfigValues.Strings(images?["urlAllowlist"]),
        };
    }
}
