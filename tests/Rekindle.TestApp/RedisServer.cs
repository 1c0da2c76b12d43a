using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Rekindle.TestApp;

/// <summary>A real redis-server (Debian's package) on a free loopback port, for one test class; without persistence unless given a data folder.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>
    /// Starts redis-server on <paramref name="port"/> (a free one by default; the same one again to bring it back).
    /// With <paramref name="dataFolder"/> it writes every change to an append-only file there before answering,
    /// so its data survives a kill, as a production Redis keeping snapshots should.
    /// </summary>
    public static async Task<RedisServer> StartAsync(int? port = null, string? dataFolder = null)
    {
        port ??= FreePort();
        string[] persistence = dataFolder is null ? ["--appendonly", "no"] : ["--dir", dataFolder, "--appendonly", "yes", "--appendfsync", "always"];
        var process = Process.Start(new ProcessStartInfo("redis-server", ["--port", port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", .. persistence])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("redis-server did not start (apt-get install -y redis-server).");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port.Value);
                return new RedisServer(process, port.Value);
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
