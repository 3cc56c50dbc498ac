using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config;

/// <summary>
/// Reads JSON5 (https://spec.json5.org) into a <see cref="JsonNode"/> tree: comments, trailing commas,
/// unquoted identifier keys, single-quoted strings, all JSON5 escapes and line continuations, hex numbers,
/// leading/trailing decimal points, explicit +, Infinity and NaN (as doubles), and JSON5's extra whitespace.
/// Duplicate keys: the last one wins. Nesting is limited to 256 levels.
/// </summary>
public static class Json5Reader
{
    public const int MaxDepth = 256;

    /// <summary>Parses a JSON5 document. Throws <see cref="Json5Exception"/> with line/column on bad input.</summary>
    public static JsonNode? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var p = new Parser(text);
        p.SkipWhitespace();
        if (p.AtEnd)
        {
            throw p.Error("empty document");
        }

        var value = p.ParseValue(0);
        p.SkipWhitespace();
        if (!p.AtEnd)
        {
            throw p.Error($"unexpected '{p.Current}' after the end of the document");
        }

        return value;
    }

    private sealed class Parser(string text)
    {
        private int _pos;

        public bool AtEnd => _pos >= text.Length;

        public char Current => text[_pos];

        public Json5Exception Error(string message)
        {
            var line = 1;
            var col = 1;
            for (var i = 0; i < Math.Min(_pos, text.Length); i++)
            {
                if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')) || text[i] is '\u2028' or '\u2029')
                {
                    line++;
                    col = 1;
                }
                else
                {
                    col++;
                }
            }

            return new Json5Exception(message, line, col);
        }

        public void SkipWhitespace()
        {
            while (!AtEnd)
            {
                var c = Current;
                if (c is '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u00A0' or '\u2028' or '\u2029' or '\uFEFF' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator)
                {
                    _pos++;
                }
                else if (c == '/' && _pos + 1 < text.Length && text[_pos + 1] == '/')
                {
                    while (!AtEnd && Current is not ('\n' or '\r' or '\u2028' or '\u2029'))
                    {
                        _pos++;
                    }
                }
                else if (c == '/' && _pos + 1 < text.Length && text[_pos + 1] == '*')
                {
                    var end = text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        throw Error("unterminated block comment");
                    }

                    _pos = end + 2;
                }
                else
                {
                    return;
                }
            }
        }

        public JsonNode? ParseValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error($"nesting deeper than {MaxDepth} levels");
            }

            SkipWhitespace();
            if (AtEnd)
            {
                throw Error("unexpected end of input (expected a value)");
            }

            var c = Current;
            switch (c)
            {
                case '{':
                    return ParseObject(depth);
                case '[':
                    return ParseArray(depth);
                case '"' or '\'':
                    return JsonValue.Create(ParseString());
            }

            if (c is '-' or '+' or '.' || char.IsAsciiDigit(c) || StartsWithWord("Infinity") || StartsWithWord("NaN"))
            {
                return ParseNumber();
            }

            if (StartsWithWord("true"))
            {
                _pos += 4;
                return JsonValue.Create(true);
            }

            if (StartsWithWord("false"))
            {
                _pos += 5;
                return JsonValue.Create(false);
            }

            if (StartsWithWord("null"))
            {
                _pos += 4;
                return null;
            }

            throw Error($"unexpected '{c}' (expected a value)");
        }

        private bool StartsWithWord(string word)
        {
            if (string.CompareOrdinal(text, _pos, word, 0, word.Length) != 0)
            {
                return false;
            }

            var after = _pos + word.Length;
            return after >= text.Length || !IsIdentifierPart(text[after]);
        }

        private JsonObject ParseObject(int depth)
        {
            _pos++;
            var obj = new JsonObject();
            SkipWhitespace();
            if (!AtEnd && Current == '}')
            {
                _pos++;
                return obj;
            }

            while (true)
            {
                SkipWhitespace();
                if (AtEnd)
                {
                    throw Error("unterminated object (expected '}')");
                }

                var key = Current is '"' or '\'' ? ParseString() : ParseIdentifier();
                SkipWhitespace();
                if (AtEnd || Current != ':')
                {
                    throw Error($"expected ':' after key \"{key}\"");
                }

                _pos++;
                obj[key] = ParseValue(depth + 1);
                SkipWhitespace();
                if (AtEnd)
                {
                    throw Error("unterminated object (expected ',' or '}')");
                }

                if (Current == ',')
                {
                    _pos++;
                    SkipWhitespace();
                    if (!AtEnd && Current == '}')
                    {
                        _pos++;
                        return obj;
                    }

                    continue;
                }

                if (Current == '}')
                {
                    _pos++;
                    return obj;
                }

                throw Error($"unexpected '{Current}' in object (expected ',' or '}}')");
            }
        }

        private JsonArray ParseArray(int depth)
        {
            _pos++;
            var arr = new JsonArray();
            SkipWhitespace();
            if (!AtEnd && Current == ']')
            {
                _pos++;
                return arr;
            }

            while (true)
            {
                arr.Add(ParseValue(depth + 1));
                SkipWhitespace();
                if (AtEnd)
                {
                    throw Error("unterminated array (expected ',' or ']')");
                }

                if (Current == ',')
                {
                    _pos++;
                    SkipWhitespace();
                    if (!AtEnd && Current == ']')
                    {
                        _pos++;
                        return arr;
                    }

                    continue;
                }

                if (Current == ']')
                {
                    _pos++;
                    return arr;
                }

                throw Error($"unexpected '{Current}' in array (expected ',' or ']')");
            }
        }

        private string ParseIdentifier()
        {
            var sb = new StringBuilder();
            var first = true;
            while (!AtEnd)
            {
                var c = Current;
                if (c == '\\')
                {
                    if (_pos + 1 >= text.Length || text[_pos + 1] != 'u')
                    {
                        throw Error("invalid escape in identifier (only \\uXXXX is allowed)");
                    }

                    _pos += 2;
                    var ch = (char)ReadHex(4);
                    if (!(first ? IsIdentifierStart(ch) : IsIdentifierPart(ch)))
                    {
                        throw Error("escaped character is not allowed in an identifier");
                    }

                    sb.Append(ch);
                }
                else if (first ? IsIdentifierStart(c) : IsIdentifierPart(c))
                {
                    sb.Append(c);
                    _pos++;
                }
                else
                {
                    break;
                }

                first = false;
            }

            if (sb.Length == 0)
            {
                throw Error(AtEnd ? "unexpected end of input (expected a key)" : $"unexpected '{Current}' (expected a key)");
            }

            return sb.ToString();
        }

        private static bool IsIdentifierStart(char c)
            => c is '$' or '_' || char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.LetterNumber;

        private static bool IsIdentifierPart(char c)
        {
            if (IsIdentifierStart(c) || c is '\u200C' or '\u200D')
            {
                return true;
            }

            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;
        }

        private string ParseString()
        {
            var quote = Current;
            _pos++;
            var sb = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    throw Error("unterminated string");
                }

                var c = Current;
                if (c == quote)
                {
                    _pos++;
                    return sb.ToString();
                }

                if (c is '\n' or '\r')
                {
                    throw Error("unescaped line break in string (use \\n or a line continuation)");
                }

                if (c != '\\')
                {
                    sb.Append(c);
                    _pos++;
                    continue;
                }

                _pos++;
                if (AtEnd)
                {
                    throw Error("unterminated string");
                }

                var e = Current;
                _pos++;
                switch (e)
                {
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'v': sb.Append('\v'); break;
                    case '0':
                        if (!AtEnd && char.IsAsciiDigit(Current))
                        {
                            throw Error("octal escapes are not allowed");
                        }

                        sb.Append('\0');
                        break;
                    case 'x': sb.Append((char)ReadHex(2)); break;
                    case 'u': sb.Append((char)ReadHex(4)); break;
                    case '\n' or '\u2028' or '\u2029': break;
                    case '\r':
                        if (!AtEnd && Current == '\n')
                        {
                            _pos++;
                        }

                        break;
                    case >= '1' and <= '9':
                        _pos -= 2;
                        throw Error($"invalid escape '\\{e}'");
                    default: sb.Append(e); break;
                }
            }
        }

        private int ReadHex(int digits)
        {
            if (_pos + digits > text.Length)
            {
                throw Error("incomplete hex escape");
            }

            var value = 0;
            for (var i = 0; i < digits; i++)
            {
                var d = HexValue(text[_pos + i]);
                if (d < 0)
                {
                    throw Error($"invalid hex digit '{text[_pos + i]}'");
                }

                value = (value * 16) + d;
            }

            _pos += digits;
            return value;
        }

        private static int HexValue(char c) => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };

        private JsonNode ParseNumber()
        {
            var start = _pos;
            var negative = false;
            if (Current is '+' or '-')
            {
                negative = Current == '-';
                _pos++;
            }

            if (StartsWithWord("Infinity"))
            {
                _pos += 8;
                return JsonValue.Create(negative ? double.NegativeInfinity : double.PositiveInfinity);
            }

            if (StartsWithWord("NaN"))
            {
                _pos += 3;
                return JsonValue.Create(double.NaN);
            }

            if (!AtEnd && Current == '0' && _pos + 1 < text.Length && text[_pos + 1] is 'x' or 'X')
            {
                _pos += 2;
                var hexStart = _pos;
                while (!AtEnd && HexValue(Current) >= 0)
                {
                    _pos++;
                }

                if (_pos == hexStart)
                {
                    throw Error("hex number without digits");
                }

                var hex = ulong.Parse(text.AsSpan(hexStart, _pos - hexStart), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                EnsureNumberEnd();
                return hex <= long.MaxValue ? Number((negative ? -(long)hex : (long)hex).ToString(CultureInfo.InvariantCulture)) : Number((negative ? -(double)hex : hex).ToString("R", CultureInfo.InvariantCulture));
            }

            var intStart = _pos;
            while (!AtEnd && char.IsAsciiDigit(Current))
            {
                _pos++;
            }

            var intDigits = _pos - intStart;
            if (intDigits > 1 && text[intStart] == '0')
            {
                _pos = intStart;
                throw Error("numbers cannot have leading zeros");
            }

            var isInteger = true;
            var fracDigits = 0;
            if (!AtEnd && Current == '.')
            {
                isInteger = false;
                _pos++;
                while (!AtEnd && char.IsAsciiDigit(Current))
                {
                    _pos++;
                    fracDigits++;
                }
            }

            if (intDigits == 0 && fracDigits == 0)
            {
                _pos = start;
                throw Error("invalid number");
            }

            if (!AtEnd && Current is 'e' or 'E')
            {
                isInteger = false;
                _pos++;
                if (!AtEnd && Current is '+' or '-')
                {
                    _pos++;
                }

                var expStart = _pos;
                while (!AtEnd && char.IsAsciiDigit(Current))
                {
                    _pos++;
                }

                if (_pos == expStart)
                {
                    throw Error("exponent without digits");
                }
            }

            EnsureNumberEnd();
            var span = text.AsSpan(start, _pos - start);
            if (span[0] == '+')
            {
                span = span[1..];
            }

            if (isInteger && decimal.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big))
            {
                return Number(big.ToString(CultureInfo.InvariantCulture));
            }

            var d = double.Parse(span, NumberStyles.Float, CultureInfo.InvariantCulture);
            return double.IsFinite(d) ? Number(d.ToString("R", CultureInfo.InvariantCulture)) : JsonValue.Create(d);
        }

        /// <summary>Numbers are element-backed so every numeric conversion (int, long, double…) works on them.</summary>
        private static JsonNode Number(string literal)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(literal);
            return JsonValue.Create(doc.RootElement.Clone())!;
        }

        private void EnsureNumberEnd()
        {
            if (!AtEnd && (IsIdentifierPart(Current) || Current == '.'))
            {
                throw Error($"unexpected '{Current}' in number");
            }
        }
    }
}
