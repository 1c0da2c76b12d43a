using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Npgsql;

namespace Rekindle.TestApp;

/// <summary>
/// A real PostgreSQL server (Debian's package) in a new data folder on a free loopback port, for one
/// test class: initdb, then the postmaster as a child process. PostgreSQL refuses to run as root, so
/// as root (CI) both run as the postgres user the package creates; otherwise as the current user.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const int SigQuit = 3; // PostgreSQL's "immediate shutdown": the postmaster ends its backends and exits

    private readonly Process _process;
    private readonly string _dataFolder;

    private PostgresServer(Process process, string dataFolder, int port)
    {
        _process = process;
        _dataFolder = dataFolder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The superuser's connection string for <paramref name="database"/> (trust authentication on loopback).</summary>
    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database }.ToString();

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = BinFolder();
        // Straight under the temp folder, which every user may create in: the postgres user must own it.
        var dataFolder = Path.Combine(Path.GetTempPath(), "rekindle-pg-" + Guid.NewGuid().ToString("N"));
        var port = FreePort();
        await RunAsync(AsServerUser(Path.Combine(bin, "initdb"), "-D", dataFolder, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"));
        var start = AsServerUser(Path.Combine(bin, "postgres"), "-D", dataFolder, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-h", "127.0.0.1", "-k", dataFolder, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "max_connections=200");
        var process = Process.Start(start) ?? throw new InvalidOperationException("postgres did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PostgresServer(process, dataFolder, port);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(server.ConnectionString());
                await connection.OpenAsync();
                return server;
            }
            catch (Exception exception) when (exception is NpgsqlException or SocketException && DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Creates an empty database with a new name; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name};", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (!_process.HasExited)
        {
            _ = SendSignal(_process.Id, SigQuit);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A temp folder left behind is harmless.
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    /// <summary>
    /// As root: setpriv, which execs the program as the postgres user (no process in between, so a
    /// signal to the child reaches PostgreSQL itself).
    /// </summary>
    private static ProcessStartInfo AsServerUser(string program, params string[] args)
    {
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "setpriv" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asRoot)
        {
            foreach (var arg in new[] { "--reuid=postgres", "--regid=postgres", "--init-groups", "--", program })
            {
                start.ArgumentList.Add(arg);
            }
        }
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return start;
    }

    private static async Task RunAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}:\n{await output}{await error}");
        }
    }

    /// <summary>The newest server version installed by Debian's postgresql package.</summary>
    private static string BinFolder()
    {
        const string root = "/usr/lib/postgresql";
        var bins = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(folder => (Folder: folder, Version: int.TryParse(Path.GetFileName(folder), out var version) ? version : -1))
                .Where(candidate => candidate.Version > 0 && File.Exists(Path.Combine(candidate.Folder, "bin", "initdb")))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => Path.Combine(candidate.Folder, "bin"))
                .ToList()
            : [];
        return bins.Count > 0 ? bins[0] : throw new InvalidOperationException($"Expected PostgreSQL's initdb under {root}/<version>/bin (apt-get install postgresql).");
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
