using System.Text;

namespace SharpClaw.Agents.Tools.Exec;

/// <summary>Keeps the last <c>cap</c> characters of a stream and counts what was dropped.</summary>
public sealed class CappedOutput(int cap)
{
    private readonly StringBuilder _text = new();

    public long Dropped { get; private set; }

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

    public override string ToString()
    {
        lock (_text)
        {
            return Dropped > 0 ? $"[... {Dropped} earlier characters truncated]\n{_text}" : _text.ToString();
        }
    }
}
