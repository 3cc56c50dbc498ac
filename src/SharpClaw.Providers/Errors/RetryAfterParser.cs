using System.Globalization;

namespace SharpClaw.Providers.Errors;

/// <summary>Reads <c>retry-after-ms</c> (milliseconds) and <c>retry-after</c> (seconds or an HTTP date) response headers.</summary>
internal static class RetryAfterParser
{
    public static TimeSpan? Parse(string? retryAfterMs, string? retryAfter, TimeProvider timeProvider)
    {
        if (double.TryParse(retryAfterMs, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && double.IsFinite(ms) && ms >= 0 && ms < int.MaxValue)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        if (string.IsNullOrWhiteSpace(retryAfter))
        {
            return null;
        }

        if (double.TryParse(retryAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return double.IsFinite(seconds) && seconds >= 0 && seconds < int.MaxValue / 1000d ? TimeSpan.FromSeconds(seconds) : null;
        }

        if (DateTimeOffset.TryParse(retryAfter, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var delta = date - timeProvider.GetUtcNow();
            return delta > TimeSpan.Zero ? delta : TimeSpan.Zero;
        }

        return null;
    }

    public static TimeSpan? Parse(HttpResponseMessage response, TimeProvider timeProvider)
        => Parse(First(response, "retry-after-ms"), First(response, "retry-after"), timeProvider);

    private static string? First(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
