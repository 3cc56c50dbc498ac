using System.Text.Json.Nodes;
using SharpClaw.Core.Config;

namespace SharpClaw.Core.Tests.Config;

/// <summary>The JSON5 spec's tricky cases (modelled on the categories of the json5-tests corpus).</summary>
public sealed class Json5ReaderTests
{
    [Theory]
    // objects
    [InlineData("{}", "{}")]
    [InlineData("{a:1}", "{\"a\":1}")]
    [InlineData("{$_:1, _$:2, a\u200C:3}", "{\"$_\":1,\"_$\":2,\"a\u200C\":3}")]
    [InlineData("{ùńîċõďë:9}", "{\"ùńîċõďë\":9}")]
    [InlineData("{\\u0061b:1}", "{\"ab\":1}")]
    [InlineData("{'single':\"double\"}", "{\"single\":\"double\"}")]
    [InlineData("{a:1,}", "{\"a\":1}")]
    [InlineData("{a:1,a:2}", "{\"a\":2}")]
    [InlineData("{while:true, null:1}", "{\"while\":true,\"null\":1}")]
    // arrays
    [InlineData("[]", "[]")]
    [InlineData("[1,2,]", "[1,2]")]
    [InlineData("[[],[[]]]", "[[],[[]]]")]
    [InlineData("[null, true, false]", "[null,true,false]")]
    // comments and whitespace
    [InlineData("// c\n{a:1} // t", "{\"a\":1}")]
    [InlineData("/* a\n b */{/**/a/**/:/**/1/**/}", "{\"a\":1}")]
    [InlineData("{a:1 /* * / */}", "{\"a\":1}")]
    [InlineData("\uFEFF\u00A0\u2028\u2029\v\f{\u3000a:1}", "{\"a\":1}")]
    [InlineData("{a:1}\r\n", "{\"a\":1}")]
    // numbers
    [InlineData("0", "0")]
    [InlineData("-0.5", "-0.5")]
    [InlineData(".5", "0.5")]
    [InlineData("5.", "5")]
    [InlineData("+1", "1")]
    [InlineData("0x1F", "31")]
    [InlineData("-0xff", "-255")]
    [InlineData("1e3", "1000")]
    [InlineData("1E-2", "0.01")]
    [InlineData("+.5e+1", "5")]
    [InlineData("9007199254740993", "9007199254740993")]
    // strings
    [InlineData("'a\"b'", "\"a\\u0022b\"")]
    [InlineData("\"a'b\"", "\"a'b\"")]
    [InlineData("'\\x41\\u0042\\n\\t\\v\\f\\b\\r\\0'", "\"AB\\n\\t\\u000B\\f\\b\\r\\u0000\"")]
    [InlineData("'line\\\ncontinued'", "\"linecontinued\"")]
    [InlineData("'crlf\\\r\ncontinued'", "\"crlfcontinued\"")]
    [InlineData("'\\q\\'\\\"'", "\"q'\\u0022\"")]
    [InlineData("'\\uD83D\\uDE00'", "\"\\uD83D\\uDE00\"")]
    [InlineData("'\u2028\u2029'", "\"\\u2028\\u2029\"")]
    public void Valid_ParsesToExpectedJson(string json5, string expectedJson)
    {
        var actual = Json5Reader.Parse(json5);
        var expected = JsonNode.Parse(expectedJson);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"got {actual?.ToJsonString()}");
    }

    [Fact]
    public void InfinityAndNaN_AreDoubles()
    {
        var arr = Json5Reader.Parse("[Infinity, -Infinity, NaN, +Infinity]")!.AsArray();
        Assert.Equal(double.PositiveInfinity, arr[0]!.GetValue<double>());
        Assert.Equal(double.NegativeInfinity, arr[1]!.GetValue<double>());
        Assert.True(double.IsNaN(arr[2]!.GetValue<double>()));
        Assert.Equal(double.PositiveInfinity, arr[3]!.GetValue<double>());
    }

    [Fact]
    public void Null_IsNull() => Assert.Null(Json5Reader.Parse(" null "));

    [Theory]
    [InlineData("", 1, 1)]
    [InlineData("{a:1", 1, 5)]
    [InlineData("{a 1}", 1, 4)]
    [InlineData("[1 2]", 1, 4)]
    [InlineData("{\n  a: 010\n}", 2, 6)]
    [InlineData("01", 1, 1)]
    [InlineData("'abc", 1, 5)]
    [InlineData("'a\nb'", 1, 3)]
    [InlineData("/* never closed", 1, 1)]
    [InlineData("{a:1}}", 1, 6)]
    [InlineData("'\\1'", 1, 2)]
    [InlineData("'\\01'", 1, 4)]
    [InlineData("'\\xZZ'", 1, 4)]
    [InlineData("'\\u12'", 1, 4)]
    [InlineData("{-a:1}", 1, 2)]
    [InlineData("{a-b:1}", 1, 3)]
    [InlineData("[,]", 1, 2)]
    [InlineData("{,}", 1, 2)]
    [InlineData("0x", 1, 3)]
    [InlineData("1e", 1, 3)]
    [InlineData(".", 1, 1)]
    [InlineData("undefined", 1, 1)]
    [InlineData("Infinityx", 1, 1)]
    [InlineData("1.2.3", 1, 4)]
    [InlineData("{\\u002Da:1}", 1, 8)]
    public void Invalid_ThrowsWithPosition(string json5, int line, int column)
    {
        var ex = Assert.Throws<Json5Exception>(() => Json5Reader.Parse(json5));
        Assert.Equal(line, ex.Line);
        Assert.Equal(column, ex.Column);
    }

    [Fact]
    public void DeepNesting_IsRefused()
    {
        var deep = new string('[', 300) + new string(']', 300);
        Assert.Throws<Json5Exception>(() => Json5Reader.Parse(deep));
    }

    [Fact]
    public void OpenClawStyleConfig_Parses()
    {
        var cfg = Json5Reader.Parse("""
            // ~/.openclaw/openclaw.json
            {
              gateway: { port: 18789, bind: 'loopback', auth: { mode: "token", token: "${OPENCLAW_GATEWAY_TOKEN}", }, },
              agents: { defaults: { model: { primary: 'anthropic/claude-opus-4-6', fallbacks: ['openai/gpt-5-mini'] } } },
            }
            """)!;
        Assert.Equal(18789, (int)cfg["gateway"]!["port"]!);
        Assert.Equal("openai/gpt-5-mini", (string)cfg["agents"]!["defaults"]!["model"]!["fallbacks"]![0]!);
    }
}
