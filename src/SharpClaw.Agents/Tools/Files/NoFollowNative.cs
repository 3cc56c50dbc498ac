using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace SharpClaw.Agents.Tools.Files;

/// <summary>
/// The <c>*at(2)</c> calls that let the file tools walk a path one component at a time from an open directory
/// descriptor, never following a symlink (Linux x64/arm64 flag values). Errors come back as <c>errno</c>.
/// </summary>
internal static partial class NoFollowNative
{
    public const int ENOENT = 2;
    public const int EEXIST = 17;
    public const int ENOTDIR = 20;
    public const int EISDIR = 21;
    public const int ELOOP = 40;

    public const int ReadOnly = 0;
    public const int WriteOnly = 1;
    public const int Create = 0x40;
    public const int Exclusive = 0x80;
    public const int NonBlocking = 0x800;
    public const int CloseOnExec = 0x80000;

    public static int Directory => RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 0x4000 : 0x10000;

    public static int NoFollow => RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 0x8000 : 0x20000;

    /// <summary>Opens <paramref name="path"/> (absolute; may follow links) as a directory descriptor.</summary>
    public static SafeFileHandle OpenDirectory(string path, out int errno)
        => Wrap(NativeOpen(path, ReadOnly | Directory | CloseOnExec, 0), out errno);

    public static SafeFileHandle OpenAt(SafeFileHandle dir, string name, int flags, int mode, out int errno)
        => Wrap(NativeOpenAt(dir, name, flags | NoFollow | CloseOnExec, mode), out errno);

    public static int MakeDirectoryAt(SafeFileHandle dir, string name)
        => NativeMkdirAt(dir, name, Convert.ToInt32("777", 8)) == 0 ? 0 : Marshal.GetLastPInvokeError();

    public static int RenameAt(SafeFileHandle dir, string from, string to)
        => NativeRenameAt(dir, from, dir, to) == 0 ? 0 : Marshal.GetLastPInvokeError();

    public static int UnlinkAt(SafeFileHandle dir, string name)
        => NativeUnlinkAt(dir, name, 0) == 0 ? 0 : Marshal.GetLastPInvokeError();

    private static SafeFileHandle Wrap(int fd, out int errno)
    {
        errno = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
        return new SafeFileHandle(fd, ownsHandle: fd >= 0);
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int NativeOpen(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "openat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int NativeOpenAt(SafeFileHandle dir, string name, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "mkdirat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int NativeMkdirAt(SafeFileHandle dir, string name, int mode);

    [LibraryImport("libc", EntryPoint = "renameat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int NativeRenameAt(SafeFileHandle fromDir, string from, SafeFileHandle toDir, string to);

    [LibraryImport("libc", EntryPoint = "unlinkat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int NativeUnlinkAt(SafeFileHandle dir, string name, int flags);
}
