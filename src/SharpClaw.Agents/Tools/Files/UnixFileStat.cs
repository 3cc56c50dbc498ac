using System.Runtime.InteropServices;

namespace SharpClaw.Agents.Tools.Files;

/// <summary>
/// <c>lstat(2)</c> for what .NET does not expose: the file type (regular, FIFO, device, socket) and the hard-link
/// count. Linux x64/arm64 only; elsewhere returns null and callers fall back to managed checks.
/// </summary>
internal static partial class UnixFileStat
{
    private const int S_IFMT = 0xF000;
    private const int S_IFREG = 0x8000;
    private const int S_IFDIR = 0x4000;

    internal readonly record struct Info(bool IsRegular, bool IsDirectory, long LinkCount);

    public static Info? Lstat(string path)
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.Arm64))
        {
            return null;
        }

        var buffer = new byte[256];
        if (NativeLstat(path, buffer) != 0)
        {
            return null;
        }

        int mode;
        long links;
        if (RuntimeInformation.ProcessArchitecture == Architecture.X64)
        {
            links = BitConverter.ToInt64(buffer, 16);
            mode = BitConverter.ToInt32(buffer, 24);
        }
        else
        {
            mode = BitConverter.ToInt32(buffer, 16);
            links = BitConverter.ToUInt32(buffer, 20);
        }

        var type = mode & S_IFMT;
        return new Info(type == S_IFREG, type == S_IFDIR, links);
    }

    [LibraryImport("libc", EntryPoint = "lstat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int NativeLstat(string path, [Out] byte[] buffer);
}
