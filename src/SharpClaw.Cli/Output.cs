using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace SharpClaw.Cli;

/// <summary>Shared rendering: pretty JSON, key/value grids and tables.</summary>
public static class Output
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Json(CliEnvironment env, JsonNode? node) => env.Out.WriteLine(node?.ToJsonString(Pretty) ?? "null");

    public static string Scalar(JsonNode? node) => node switch
    {
        null => "-",
        JsonValue v => v.ToString(),
        _ => node.ToJsonString(),
    };

    public static void KeyValues(CliEnvironment env, string title, IEnumerable<(string Key, string Value)> rows)
    {
        var grid = new Table { Border = TableBorder.Rounded, Title = new TableTitle(title) };
        grid.AddColumn("Key");
        grid.AddColumn("Value");
        foreach (var (k, v) in rows)
        {
            grid.AddRow(Markup.Escape(k), Markup.Escape(v));
        }

        env.CreateConsole().Write(grid);
    }

    public static void Table(CliEnvironment env, string title, string[] columns, IEnumerable<string[]> rows)
    {
        var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle(title) };
        foreach (var c in columns)
        {
            table.AddColumn(c);
        }

        var any = false;
        foreach (var r in rows)
        {
            table.AddRow(r.Select(Markup.Escape).ToArray());
            any = true;
        }

        if (!any)
        {
            env.Out.WriteLine($"{title}: none");
            return;
        }

        env.CreateConsole().Write(table);
    }
}
