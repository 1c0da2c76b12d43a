using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Rekindle.TestApp;

/// <summary>
/// A real Redis Cluster for one test class: three redis-server processes with <c>--cluster-enabled yes</c>
/// on free loopback ports, their 16384 slots spread by <c>redis-cli --cluster create</c> (no replicas).
/// </summary>
public sealed class RedisCluster : IAsyncDisposable
{
    private readonly List<Process> _processes;
    private readonly string _folder;

    private RedisCluster(List<Process> processes, IReadOnlyList<int> ports, string folder)
    {
        _processes = processes;
        Ports = ports;
        _folder = folder;
    }

    public IReadOnlyList<int> Ports { get; }

    /// <summary>Every primary, as StackExchange.Redis takes a cluster: <c>127.0.0.1:a,127.0.0.1:b,127.0.0.1:c</c>.</summary>
    public string ConnectionString => string.Join(",", Ports.Select(port => $"127.0.0.1:{port}"));

    public static async Task<RedisCluster> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "rekindle-redis-cluster", Guid.NewGuid().ToString("N"));
        var ports = FreePorts(3);
        var processes = new List<Process>();
        var cluster = new RedisCluster(processes, ports, folder);
        try
        {
            foreach (var port in ports)
            {
                var dir = Directory.CreateDirectory(Path.Combine(folder, port.ToString(CultureInfo.InvariantCulture))).FullName;
                processes.Add(Start("redis-server", "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                    "--dir", dir, "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "5000"));
                await WaitForPortAsync(port, processes[^1]);
            }
            using (var create = Start("redis-cli", ["--cluster", "create", .. ports.Select(port => $"127.0.0.1:{port}"), "--cluster-replicas", "0", "--cluster-yes"]))
            {
                await create.WaitForExitAsync();
                if (create.ExitCode != 0)
                {
                    throw new InvalidOperationException($"redis-cli --cluster create exited with {create.ExitCode}.");
                }
            }
            await WaitForStateOkAsync(ports);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A node's file still closing: the temp folder is left to the OS.
        }
    }

    private static Process Start(string program, params string[] arguments)
    {
        var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{program} did not start (apt-get install -y redis-server).");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForPortAsync(int port, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Every node agrees that all slots are served (the create command returns before gossip settles).</summary>
    private static async Task WaitForStateOkAsync(IReadOnlyList<int> ports)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        foreach (var port in ports)
        {
            while (true)
            {
                using var info = Process.Start(new ProcessStartInfo("redis-cli", ["-p", port.ToString(CultureInfo.InvariantCulture), "cluster", "info"]) { RedirectStandardOutput = true })
                    ?? throw new InvalidOperationException("redis-cli did not start.");
                var output = await info.StandardOutput.ReadToEndAsync();
                await info.WaitForExitAsync();
                if (output.Contains("cluster_state:ok", StringComparison.Ordinal))
                {
                    break;
                }
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Redis Cluster node {port} did not reach cluster_state:ok.");
                }
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Free ports whose cluster bus ports (port + 10000) are free too.</summary>
    private static List<int> FreePorts(int count)
    {
        var ports = new List<int>();
        while (ports.Count < count)
        {
            var port = Random.Shared.Next(20_000, 29_000);
            if (!ports.Contains(port) && IsFree(port) && IsFree(port + 10_000))
            {
                ports.Add(port);
            }
        }
        return ports;
    }

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
