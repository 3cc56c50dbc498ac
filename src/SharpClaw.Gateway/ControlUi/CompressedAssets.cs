using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace SharpClaw.Gateway.ControlUi;

/// <summary>
/// Gzip copies of the content-hashed UI bundles, made once per file and kept in memory (a hashed file never
/// changes, so the path is a safe key; the cache is bounded by the handful of files in the build).
/// </summary>
internal sealed class CompressedAssets
{
    private const int MaxEntries = 256;

    private readonly ConcurrentDictionary<string, byte[]> _cache = new(StringComparer.Ordinal);

    public static bool Accepts(HttpRequest request)
        => request.Headers.AcceptEncoding.Any(v => v is not null && v.Contains("gzip", StringComparison.OrdinalIgnoreCase));

    public static bool IsCompressible(string path)
        => Path.GetExtension(path).ToLowerInvariant() is ".js" or ".mjs" or ".css" or ".svg" or ".json" or ".map";

    public async Task<byte[]> GetAsync(string path, CancellationToken ct)
    {
        if (_cache.TryGetValue(path, out var cached))
        {
            return cached;
        }

        var raw = await File.ReadAllBytesAsync(path, ct);
        using var output = new MemoryStream();
        await using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            await gzip.WriteAsync(raw, ct);
        }

        var bytes = output.ToArray();
        if (_cache.Count < MaxEntries)
        {
            _cache.TryAdd(path, bytes);
        }

        return bytes;
    }
}
