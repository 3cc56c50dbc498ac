using Microsoft.Extensions.Logging;
using SharpClaw.Gateway.Http.OpenAi;

namespace SharpClaw.Gateway.Http.Responses;

/// <summary>
/// Renders the first <c>files.pdf.maxPages</c> pages of a PDF to PNG with poppler's <c>pdftoppm</c>, each page within
/// <c>files.pdf.maxPixels</c> (checked again on the PNG headers), at most <see cref="MaxConcurrentRenders"/> at a time.
/// Without a <c>pdftoppm</c> it answers null and warns once (per configured path) how to install one.
/// </summary>
internal sealed class PdfPageRenderer(ILogger log, TimeProvider time) : IDisposable
{
    public const int MaxConcurrentRenders = 2;

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly SemaphoreSlim _slots = new(MaxConcurrentRenders);
    private readonly Lock _gate = new();
    private (string? Configured, string? Binary)? _resolved;

    /// <summary>The pages as PNG bytes; null when no renderer is installed. Throws <see cref="InvalidDataException"/> when rendering fails.</summary>
    public async Task<IReadOnlyList<byte[]>?> RenderAsync(byte[] pdf, PdfContent content, InputLimits limits, CancellationToken ct)
    {
        if (Binary(limits.PdfRenderer) is not { } binary)
        {
            return null;
        }

        var pages = content.PageSizes.Count;
        if (pages == 0)
        {
            return [];
        }

        var scaleTo = PdfRenderScale.LongSidePixels(content.PageSizes, limits.PdfMaxPixels);
        byte[] output;
        await _slots.WaitAsync(ct);
        try
        {
            output = await PdftoppmProcess.RunAsync(binary, pdf, pages, scaleTo, pages * ImageInput.MaxImageBytes, Timeout, time, ct);
        }
        finally
        {
            _slots.Release();
        }

        var images = PngStream.Split(output);
        if (images.Count > pages)
        {
            throw new InvalidDataException($"renderer produced {images.Count} pages, asked for {pages}");
        }

        foreach (var (png, width, height) in images)
        {
            if ((long)width * height > limits.PdfMaxPixels || png.Length > ImageInput.MaxImageBytes)
            {
                throw new InvalidDataException($"rendered page of {width}x{height} px, {png.Length} bytes exceeds the limits ({limits.PdfMaxPixels} px, {ImageInput.MaxImageBytes} bytes)");
            }
        }

        return [.. images.Select(i => i.Png)];
    }

    private string? Binary(string? configured)
    {
        lock (_gate)
        {
            if (_resolved is { } known && known.Configured == configured)
            {
                return known.Binary;
            }

            var binary = PdfRendererBinary.Resolve(configured, Environment.GetEnvironmentVariable("PATH"));
            _resolved = (configured, binary);
            if (binary is null)
            {
                log.LogWarning(
                    "PDF page rendering is off: {Renderer} was not found ({Where}); scanned PDFs sent to /v1/responses yield only their text. Install poppler-utils (apt-get install poppler-utils) or set gateway.http.endpoints.responses.files.pdf.renderer to the pdftoppm path.",
                    PdfRendererBinary.Name,
                    configured is null ? "not on PATH" : "configured path " + configured);
            }

            return binary;
        }
    }

    public void Dispose() => _slots.Dispose();
}
