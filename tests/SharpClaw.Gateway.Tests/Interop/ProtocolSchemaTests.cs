namespace SharpClaw.Gateway.Tests.Interop;

public sealed class ProtocolSchemaTests
{
    [Fact]
    public void ValidFrames_Pass()
    {
        ProtocolSchema.AssertValid("""{"type":"res","id":"1","ok":true,"payload":{"x":1}}""");
        ProtocolSchema.AssertValid("""{"type":"event","event":"tick","payload":{"ts":1},"seq":3}""");
    }

    [Theory]
    [InlineData("""{"type":"res","id":"1","ok":true,"extra":1}""")]
    [InlineData("""{"type":"res","ok":true}""")]
    [InlineData("""{"type":"event","event":"tick","payload":{"ts":-1}}""")]
    [InlineData("""{"type":"res","id":"1","ok":false,"error":{"code":"X"}}""")]
    [InlineData("""{"type":"event","event":"shutdown","payload":{}}""")]
    public void InvalidFrames_AreCaught(string frame)
    {
        Assert.ThrowsAny<Exception>(() => ProtocolSchema.AssertValid(frame));
    }
}
