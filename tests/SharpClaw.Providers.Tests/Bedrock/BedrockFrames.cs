using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime.EventStreams;
using SharpClaw.Providers.Tests.Infrastructure;

namespace SharpClaw.Providers.Tests.Bedrock;

/// <summary>
/// Encodes hand-written golden ConverseStream transcripts (<c>TestData/bedrock/*.jsonl</c>, one
/// <c>{"type":"event"|"exception","name":…,"payload":{…}}</c> per line) into real
/// <c>application/vnd.amazon.eventstream</c> frames with AWSSDK.Core's own encoder.
/// </summary>
internal static class BedrockFrames
{
    public static IReadOnlyList<byte[]> FromGolden(string testDataFile)
        => TestData.Read(testDataFile)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .Select(e => Frame((string)e["type"]!, (string)e["name"]!, e["payload"]!.ToJsonString()))
            .ToList();

    public static byte[] Frame(string messageType, string name, string payloadJson)
    {
        var typeHeader = messageType == "exception" ? ":exception-type" : ":event-type";
        var message = new EventStreamMessage([], Encoding.UTF8.GetBytes(payloadJson));
        message.Headers[typeHeader] = Header(typeHeader, name);
        message.Headers[":content-type"] = Header(":content-type", "application/json");
        message.Headers[":message-type"] = Header(":message-type", messageType);
        return message.ToByteArray();
    }

    public static GoldenReply Reply(string testDataFile) => Reply(FromGolden(testDataFile));

    public static GoldenReply Reply(IEnumerable<byte[]> frames)
        => GoldenReply.Binary("application/vnd.amazon.eventstream", frames).WithHeader("x-amzn-RequestId", "6f1f5bd4-3a38-4c83-9d3c-1f0a8b7c2e11");

    private static EventStreamHeader Header(string name, string value)
    {
        var header = new EventStreamHeader(name);
        header.SetString(value);
        return header;
    }
}
