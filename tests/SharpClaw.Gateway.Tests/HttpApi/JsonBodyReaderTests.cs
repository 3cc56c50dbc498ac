using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using SharpClaw.Gateway.Http;

namespace SharpClaw.Gateway.Tests.HttpApi;

/// <summary>Body reading limits (HK33: a body that never finishes is a 408 after 30 s).</summary>
public sealed class JsonBodyReaderTests
{
    [Fact]
    public async Task HK33_StalledBody_TimesOutAfter30Seconds()
    {
        var time = new FakeTimeProvider();
        var http = new DefaultHttpContext();
        http.Request.Body = new StalledStream();
        var read = JsonBodyReader.ReadAsync(http, 1024, time);
        Assert.False(read.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(31));
        var result = await read.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal((BodyReadError.Timeout, 408), (result.Error, result.StatusCode));
    }

    [Fact]
    public async Task DeclaredLengthOverTheLimit_IsRefusedBeforeReading_AndBlankBodyIsAnEmptyObject()
    {
        var http = new DefaultHttpContext();
        http.Request.ContentLength = 2048;
        http.Request.Body = new StalledStream();
        var result = await JsonBodyReader.ReadAsync(http, 1024, TimeProvider.System);
        Assert.Equal((BodyReadError.TooLarge, 413), (result.Error, result.StatusCode));

        var blank = new DefaultHttpContext();
        blank.Request.Body = new MemoryStream(" \n"u8.ToArray());
        Assert.Equal("{}", (await JsonBodyReader.ReadAsync(blank, 1024, TimeProvider.System)).Body!.ToJsonString());
    }

    private sealed class StalledStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
