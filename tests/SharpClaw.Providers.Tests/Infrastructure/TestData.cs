namespace SharpClaw.Providers.Tests.Infrastructure;

/// <summary>Golden files copied next to the test assembly (TestData/&lt;provider&gt;/…).</summary>
internal static class TestData
{
    public static string Read(string relativePath)
        => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", relativePath)).ReplaceLineEndings("\n");
}
