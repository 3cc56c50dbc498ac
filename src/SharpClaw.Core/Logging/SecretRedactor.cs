using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace SharpClaw.Core.Logging;

/// <summary>
/// Masks secrets in log text (security §1.8): KEY/TOKEN/SECRET/PASSWORD assignments, JSON secret fields,
/// secret CLI flags, bearer headers, PEM private keys, well-known key prefixes and Telegram bot tokens, plus
/// any registered exact secret (e.g. the gateway token). Long tokens keep their first 6 and last 4 characters.
/// </summary>
public static partial class SecretRedactor
{
    private static readonly ConcurrentDictionary<string, byte> Known = new(StringComparer.Ordinal);

    /// <summary>Always masks this exact value (fully) from now on.</summary>
    public static void AddKnownSecret(string? secret)
    {
        if (!string.IsNullOrEmpty(secret) && secret.Length >= 6)
        {
            Known[secret] = 0;
        }
    }

    public static string Mask(string token) => token.Length >= 18 ? $"{token[..6]}…{token[^4..]}" : "***";

    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        foreach (var secret in Known.Keys)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        text = PemKey().Replace(text, m => m.Groups["head"].Value + "\n…redacted…\n" + m.Groups["tail"].Value);
        text = Bearer().Replace(text, m => m.Groups[1].Value + Mask(m.Groups[2].Value));
        text = JsonField().Replace(text, m => m.Groups[1].Value + Mask(m.Groups[2].Value) + "\"");
        text = CliFlag().Replace(text, m => m.Groups[1].Value + Mask(m.Groups[2].Value));
        text = EnvAssignment().Replace(text, m => m.Groups[1].Value + Mask(m.Groups[2].Value));
        text = Prefixed().Replace(text, m => Mask(m.Value));
        text = Telegram().Replace(text, m => m.Groups[1].Value + Mask(m.Groups[2].Value));
        return text;
    }

    [GeneratedRegex(@"(?<head>-----BEGIN [A-Z ]*PRIVATE KEY-----)[\s\S]*?(?<tail>-----END [A-Z ]*PRIVATE KEY-----)")]
    private static partial Regex PemKey();

    [GeneratedRegex(@"(Authorization:\s*Bearer\s+|\bBearer\s+)([A-Za-z0-9._~+/=-]{6,})", RegexOptions.IgnoreCase)]
    private static partial Regex Bearer();

    [GeneratedRegex(@"(""(?:apiKey|api_key|token|secret|password|accessToken|refreshToken|[A-Za-z]*(?:Token|Secret|Password|ApiKey))""\s*:\s*"")([^""]+)""")]
    private static partial Regex JsonField();

    [GeneratedRegex(@"(--(?:token|api-key|password|hook-token)[=\s]+)(\S+)")]
    private static partial Regex CliFlag();

    [GeneratedRegex(@"(\b[A-Z0-9_]*(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD)=)([^\s""']+)")]
    private static partial Regex EnvAssignment();

    [GeneratedRegex(@"\b(?:sk-[A-Za-z0-9_-]{8,}|ghp_[A-Za-z0-9]{10,}|github_pat_[A-Za-z0-9_]{10,}|xox[baprs]-[A-Za-z0-9-]{10,}|xapp-[A-Za-z0-9-]{10,}|gsk_[A-Za-z0-9]{10,}|AIza[A-Za-z0-9_-]{20,}|pplx-[A-Za-z0-9]{10,}|npm_[A-Za-z0-9]{10,})")]
    private static partial Regex Prefixed();

    [GeneratedRegex(@"\b(bot\d{6,}:)([A-Za-z0-9_-]{20,})")]
    private static partial Regex Telegram();
}
