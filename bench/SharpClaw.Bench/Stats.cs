namespace SharpClaw.Bench;

/// <summary>Percentiles over recorded samples.</summary>
internal static class Stats
{
    public static double Percentile(List<double> samples, double p)
    {
        if (samples.Count == 0)
        {
            return double.NaN;
        }

        var sorted = samples.Order().ToList();
        var index = (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }

    public static double Median(List<double> samples) => Percentile(samples, 50);
}
