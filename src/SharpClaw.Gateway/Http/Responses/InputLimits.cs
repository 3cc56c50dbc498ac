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

    /// <summary><c>files.pdf.maxPages</c>: pages whose text is extracted (default 4).</summary>
    public int PdfMaxPages { get; init; } = 4;

    public bool ImagesAllowUrl { get; init; } = true;

    public IReadOnlyList<string> ImagesUrlAllowlist { get; init; } = [];

    public static InputLimits From(JsonObject? config)
    {
        var files = config?["files"] as JsonObject;
        var images = config?["images"] as JsonObject;
        var fileMimes = ConfigValues.Strings(files?["allowedMimes"]);
        return new InputLimits
        {
            MaxUrlParts = ConfigValues.Long(config?["maxUrlParts"]) is >= 0 and var n ? (int)n : 8,
            FilesAllowUrl = ConfigValues.Bool(files?["allowUrl"]) ?? true,
            FilesUrlAllowlist = ConfigValues.Strings(files?["urlAllowlist"]),
            FileMimes = fileMimes.Count > 0 ? fileMimes : DefaultFileMimes,
            FileMaxBytes = ConfigValues.Long(files?["maxBytes"]) is > 0 and var fb ? fb : 5 * 1024 * 1024,
            FileMaxChars = ConfigValues.Long(files?["maxChars"]) is > 0 and var fc ? (int)fc : 200_000,
            PdfMaxPages = ConfigValues.Long(files?["pdf"]?["maxPages"]) is > 0 and var pages ? (int)Math.Min(pages, 1000) : 4,
            ImagesAllowUrl = ConfigValues.Bool(images?["allowUrl"]) ?? true,
            ImagesUrlAllowlist = ConfigValues.Strings(images?["urlAllowlist"]),
        };
    }
}
