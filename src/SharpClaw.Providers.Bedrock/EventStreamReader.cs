using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Amazon.Runtime.EventStreams;

namespace SharpClaw.Providers.Bedrock;

/// <summary>
/// Reads <c>application/vnd.amazon.eventstream</c> frames (4-byte big-endian total length, headers length, prelude
/// CRC, headers, payload, message CRC) one at a time and decodes them with AWSSDK.Core's
/// <see cref="EventStreamMessage.FromBuffer"/>, which validates both checksums. A stream that ends inside a frame, or
/// a frame that fails validation, throws <see cref="IOException"/> (a broken stream, not a complete answer).
/// </summary>
internal static class EventStreamReader
{
    private const int PreludeLength = 12;
    private const int MinimumFrame = 16;
    private const int MaximumFrame = 16 * 1024 * 1024;

    public static async IAsyncEnumerable<EventStreamMessage> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prefix = new byte[4];
        while (true)
        {
            var read = await stream.ReadAtLeastAsync(prefix, prefix.Length, throwOnEndOfStream: false, cancellationToken);
            if (read == 0)
            {
                yield break;
            }

            if (read < prefix.Length)
            {
                throw new IOException("event stream ended inside a frame prelude");
            }

            var total = BinaryPrimitives.ReadInt32BigEndian(prefix);
            if (total is < MinimumFrame or > MaximumFrame)
            {
                throw new IOException($"event stream frame length {total} is out of range");
            }

            var frame = new byte[total];
            prefix.CopyTo(frame, 0);
            await stream.ReadExactlyAsync(frame.AsMemory(prefix.Length, total - prefix.Length), cancellationToken);
            yield return Decode(frame);
        }
    }

    private static EventStreamMessage Decode(byte[] frame)
    {
        try
        {
            return EventStreamMessage.FromBuffer(frame, 0, frame.Length);
        }
        catch (Exception ex) when (ex is EventStreamChecksumFailureException or EventStreamParseException or ArgumentException)
        {
            throw new IOException($"malformed event stream frame ({frame.Length} bytes, prelude {PreludeLength}): {ex.Message}", ex);
        }
    }
}
