using System.Text;

namespace SharpClaw.Agents.Tools.Exec;

/// <summary>Keeps the last <c>cap</c> characters of a stream and counts what was dropped.</summary>
public sealed class CappedOutput(int cap)
{
    private readonly StringBuilder _text = new();

    public long Dropped { get; private set; }

    /// <summary>Characters appended so far (kept + dropped): a stream position readers can resume from.</summary>
    public long Total
    {
        get
        {
            lock (_text)
            {
                return Dropped + _text.Length;
            }
        }
    }

    public void Append(ReadOnlySpan<char> chunk)
    {
        lock (_text)
        {
            _text.Append(chunk);
            if (_text.Length > cap)
            {
                var excess = _text.Length - cap;
                _text.Remove(0, excess);
                Dropped += excess;
            }
        }
    }

    /// <summary>
    /// Up to <paramref name="max"/> characters from stream position <paramref name="position"/> on; <c>Skipped</c>
    /// counts characters that were dropped from the tail buffer before they could be read.
    /// </summary>
    public (string Text, long Next, long Skipped) ReadFrom(long position, int max)
    {
        lock (_text)
        {
            var start = Math.Max(position, Dropped);
            var offset = (int)(start - Dropped);
            var count = Math.Min(max, _text.Length - offset);
            return (count > 0 ? _text.ToString(offset, count) : string.Empty, start + Math.Max(count, 0), start - position);
        }
    }

    public override string ToString()
    {
        lock (_text)
        {
            return Dropped > 0 ? $"[... {Dropped} earlier characters truncated]\n{_text}" : _text.ToString();
        }
    }
}
