using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using SharpClaw.Agents.Sessions;
using SharpClaw.Core.State;
using SharpClaw.Protocol.Connect;
using SharpClaw.Protocol.Frames;

namespace SharpClaw.Bench;

/// <summary>Hand-rolled micro benchmarks (BenchmarkDotNet is not in the package registry copy here): warm-up, then the median of batches.</summary>
internal static class Micro
{
    public static IEnumerable<(string Name, double Nanoseconds)> Run()
    {
        var health = """{"type":"req","id":"42","method":"health"}"""u8.ToArray();
        yield return ("micro: parse a `health` request frame", Measure(() => FrameParser.Parse(health).Frame!.Dispose()));
        var payload = JsonPayload.FromRaw("""{"ok":true,"ts":1,"durationMs":0}"""u8.ToArray());
        yield return ("micro: write a response frame", Measure(() => FrameWriter.Response("42", true, payload, null)));
        using var connect = JsonDocument.Parse("""{"minProtocol":4,"maxProtocol":4,"client":{"id":"cli","version":"1","platform":"linux","mode":"cli"},"role":"operator","scopes":["operator.read","operator.write"],"auth":{"token":"t"}}""");
        yield return ("micro: validate connect params", Measure(() => ConnectParamsParser.Parse(connect.RootElement)));
        yield return ("transcript write (one message, durable commit)", MeasureTranscriptWrite());
    }

    private static double Measure(Action action, int batch = 10_000, int batches = 15)
    {
        for (var i = 0; i < batch; i++)
        {
            action();
        }

        var samples = new List<double>();
        for (var b = 0; b < batches; b++)
        {
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < batch; i++)
            {
                action();
            }

            samples.Add(sw.Elapsed.TotalMilliseconds * 1_000_000 / batch);
        }

        return Stats.Median(samples);
    }

    private static double MeasureTranscriptWrite()
    {
        var dir = Directory.CreateTempSubdirectory("sharpclaw-bench-db-").FullName;
        try
        {
            var db = new StateDatabase(Path.Combine(dir, "b.db"));
            db.InitializeAsync(GatewayMigrations.All, TimeProvider.System).GetAwaiter().GetResult();
            var store = new SessionStore(db, TimeProvider.System);
            var session = store.GetOrCreateAsync("agent:main:bench", "main", null).GetAwaiter().GetResult();
            var samples = new List<double>();
            for (var i = 0; i < 300; i++)
            {
                var evt = TranscriptEvents.Message(new JsonObject { ["role"] = "user", ["content"] = "a message of ordinary length for the transcript write benchmark" }, DateTimeOffset.UnixEpoch);
                var sw = Stopwatch.StartNew();
                store.AppendAsync(session.SessionId, evt).GetAwaiter().GetResult();
                samples.Add(sw.Elapsed.TotalMilliseconds * 1_000_000);
            }

            return Stats.Median(samples.Skip(50).ToList());
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
