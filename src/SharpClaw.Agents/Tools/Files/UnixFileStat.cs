using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace SharpClaw.Agents.Tools.Files;

/// <summary>
/// <c>lstat(2)</c>/<c>fstat(2)</c> for what .NET does not expose: the file type (regular, FIFO, device, socket) and the
/// hard-link count. Linux x64/arm64 only; elsewhere returns null and callers fall back to managed checks.
/// </summary>
internal static partial class UnixFileStat
{
    private const int S_IFMT = 0xF000;
    private const int S_IFREG = 0x8000;
    private const int S_IFDIR = 0x4000;

    internal readonly record struct Info(bool IsRegular, bool IsDirectory, long LinkCount);

    public static bool Supported => OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    public static Info? Lstat(string path)
    {
        var buffer = new byte[256];
        return Supported && NativeLstat(path, buffer) == 0 ? Parse(buffer) : null;
    }

    /// <summary>What an open descriptor refers to (no path, so nothing can be swapped underneath).</summary>
    public static Info? Fstat(SafeFileHandle handle)
    {
        var buffer = new byte[256];
        return Supported && NativeFstat(handle, buffer) == 0 ? Parse(buffer) : null;
    }

    private static Info Parse(byte[] buffer)
    {
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

    [LibraryImport("libc", EntryPoint = "fstat", SetLastError = true)]
    private static partial int NativeFstat(SafeFileHandle fd, [Out] byte[] buffer);
}
