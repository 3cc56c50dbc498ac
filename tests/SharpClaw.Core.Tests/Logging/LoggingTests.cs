using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SharpClaw.Core.Logging;

namespace SharpClaw.Core.Tests.Logging;

public sealed class LoggingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sharpclaw-logs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("OPENAI_API_KEY=sk-abcdefghijklmnopqrstuvwxyz", "sk-abcdefghijklmnopqrstuvwxyz")]
    [InlineData("{\"apiKey\":\"super-secret-value-123456\"}", "super-secret-value-123456")]
    [InlineData("{\"refreshToken\":\"rt-0123456789abcdefghij\"}", "rt-0123456789abcdefghij")]
    [InlineData("run --token tok_0123456789abcdefghij now", "tok_0123456789abcdefghij")]
    [InlineData("Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123", "abcdefghijklmnopqrstuvwxyz0123")]
    [InlineData("key ghp_abcdefghijklmnopqrstuvwxyz0123", "ghp_abcdefghijklmnopqrstuvwxyz0123")]
    [InlineData("x AIzaSyA1234567890abcdefghijklmnop y", "AIzaSyA1234567890abcdefghijklmnop")]
    [InlineData("bot123456789:AAHabcdefghijklmnopqrstuvwxyz0123", "AAHabcdefghijklmnopqrstuvwxyz0123")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----", "MIIEvQIBADANBg")]
    public void Redactor_MasksEachPattern(string text, string secret)
    {
        var redacted = SecretRedactor.Redact(text);
        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Redactor_KeepsOrdinaryText_AndMasksKnownSecrets()
    {
        Assert.Equal("client connected conn=1 role=operator", SecretRedactor.Redact("client connected conn=1 role=operator"));
        SecretRedactor.AddKnownSecret("gateway-token-for-test-123");
        Assert.Equal("token is ***", SecretRedactor.Redact("token is gateway-token-for-test-123"));
        Assert.Equal("sk-abc…wxyz", SecretRedactor.Mask("sk-abcdefghijklmnopqrstuvwxyz"));
        Assert.Equal("***", SecretRedactor.Mask("short"));
    }

    [Fact]
    public async Task Provider_WritesRedactedJsonLines_AndTailFollows()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var file = Path.Combine(_dir, "sharpclaw-2026-11-24.log");
        using (var provider = new JsonLinesLoggerProvider(_dir, time))
        {
            var logger = provider.CreateLogger("gateway/ws");
            logger.LogInformation("hello {Who}", "world");
            logger.LogWarning("leaked OPENAI_API_KEY=sk-abcdefghijklmnopqrstuvwxyz");
            logger.LogDebug("below the minimum level");
            Assert.Equal(file, provider.CurrentFile);
        }

        var lines = await File.ReadAllLinesAsync(file, TestContext.Current.CancellationToken);
        Assert.Equal(2, lines.Length);
        var first = JsonNode.Parse(lines[0])!;
        Assert.Equal("info", (string)first["level"]!);
        Assert.Equal("gateway/ws", (string)first["subsystem"]!);
        Assert.Equal("hello world", (string)first["message"]!);
        Assert.Equal("2026-11-24T10:00:00.000Z", (string)first["time"]!);
        Assert.DoesNotContain("sk-abcdefghijklmnopqrstuvwxyz", lines[1], StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        var tail = await LogTail.ReadAsync(file, null, 1, 10_000, TestContext.Current.CancellationToken);
        Assert.Single(tail.Lines);
        Assert.Contains("leaked", tail.Lines[0], StringComparison.Ordinal);
        Assert.Equal(new FileInfo(file).Length, tail.Cursor);

        await File.AppendAllTextAsync(file, "{\"n\":3}\n{\"n\":4}\n{\"partial\"", TestContext.Current.CancellationToken);
        var follow = await LogTail.ReadAsync(file, tail.Cursor, 100, 10_000, TestContext.Current.CancellationToken);
        Assert.Equal(["{\"n\":3}", "{\"n\":4}"], follow.Lines);
        Assert.True(follow.Cursor < follow.Size, "the partial line must not be consumed");

        var rotated = await LogTail.ReadAsync(file, follow.Size + 1000, 100, 10_000, TestContext.Current.CancellationToken);
        Assert.True(rotated.Reset);
        var small = await LogTail.ReadAsync(file, null, 100, 20, TestContext.Current.CancellationToken);
        Assert.True(small.Truncated);
    }
}
