namespace SharpClaw.Gateway.Tests.Interop;

/// <summary>TEMPORARY shim until the schema validator lands (helper task).</summary>
public static class ProtocolSchema
{
    public static bool IsAvailable => false;

    public static void AssertValid(string frameJson) => _ = frameJson;
}
