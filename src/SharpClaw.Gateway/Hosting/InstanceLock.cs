namespace SharpClaw.Gateway.Hosting;

/// <summary>
/// An exclusive lock file in the state dir (held open with FileShare.None, an advisory flock on Unix) so a
/// second gateway on the same state dir refuses to start.
/// </summary>
public sealed class InstanceLock : IDisposable
{
    private readonly FileStream _stream;

    private InstanceLock(FileStream stream) => _stream = stream;

    public static InstanceLock Acquire(string path)
    {
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            var stream = new FileStream(path, options);
            stream.SetLength(0);
            var pid = System.Text.Encoding.UTF8.GetBytes(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            stream.Write(pid);
            stream.Flush(flushToDisk: true);
            return new InstanceLock(stream);
        }
        catch (IOException)
        {
            string holder;
            try
            {
                using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var text = new StreamReader(reader);
                holder = text.ReadToEnd().Trim();
            }
            catch (IOException)
            {
                holder = "unknown";
            }

            throw new GatewayStartException(
                $"another SharpClaw gateway (pid {holder}) is already running with state dir {Path.GetDirectoryName(path)}. " +
                "Stop it first, or use a different state dir (OPENCLAW_STATE_DIR).");
        }
    }

    public void Dispose() => _stream.Dispose();
}
