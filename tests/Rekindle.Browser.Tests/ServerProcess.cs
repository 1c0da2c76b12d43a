using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Rekindle.TestApp;

namespace Rekindle.Browser.Tests;

/// <summary>
/// The test app (sample + test views) as a child process on a fixed loopback port and data folder,
/// so a test can kill it (SIGKILL) and start it again on the same port with the same data folder
/// (same key ring, same SQLite snapshots) while the browser page stays open. Its console log is
/// drained asynchronously (so the child never blocks on a full pipe) and parsed into log lines.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The framework's own asset: cheap, and independent of the sample's pages.</summary>
    private const string ReadyProbePath = "/_rekindle/rekindle.js";

    /// <summary>Children still running, killed if the test process exits without disposing them.</summary>
    private static readonly ConcurrentDictionary<Process, bool> s_running = new();

    private readonly string[] _extraArgs;
    private readonly string? _appDll;
    private readonly ConcurrentQueue<TestLogSink.LogLine> _logs = new();
    private readonly ConcurrentQueue<TestLogSink.LogLine>? _sharedLogs;
    private readonly HttpClient _probe = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        Timeout = TimeSpan.FromSeconds(2),
    };

    private Process? _process;
    private int _run;

    static ServerProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in s_running.Keys)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // already gone
                }
            }
        };
    }

    private ServerProcess(int port, string dataPath, string[] extraArgs, ConcurrentQueue<TestLogSink.LogLine>? sharedLogs = null, string? appDll = null)
    {
        _appDll = appDll;
        _sharedLogs = sharedLogs;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        DataPath = dataPath;
        _extraArgs = extraArgs;
    }

    public Uri BaseAddress { get; }

    /// <summary>The data folder: key ring and snapshots.db; kept across restarts.</summary>
    public string DataPath { get; }

    /// <summary>How many times the process has been started (1 after the first start).</summary>
    public int Runs => _run;

    public IReadOnlyList<TestLogSink.LogLine> Logs => [.. _logs];

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The running process's id, or <see langword="null"/> while it is down.</summary>
    public int? ProcessId => IsRunning ? _process!.Id : null;

    public Uri Url(string path) => new(BaseAddress, path);

    /// <summary>Arguments added at the next starts only (a deploy: another content root, other options).</summary>
    public IReadOnlyList<string> NextStartArgs { get; set; } = [];

    /// <summary>Starts the app on a free port with a new data folder and waits until it answers.</summary>
    public static Task<ServerProcess> StartAsync(params string[] extraArgs) => StartAsync(TestHost.NewDataPath(), null, extraArgs);

    /// <summary>
    /// Starts the app on a free port with the given data folder (nodes of a cluster share one) and
    /// waits until it answers; its log lines also go to <paramref name="sharedLogs"/> when given.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(string dataPath, ConcurrentQueue<TestLogSink.LogLine>? sharedLogs, params string[] extraArgs)
    {
        var server = new ServerProcess(FreePort(), dataPath, extraArgs, sharedLogs);
        try
        {
            await server.StartAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts another app's build output (<paramref name="appDll"/>, with its runtimeconfig) the same
    /// way, on a free port with a new data folder, and waits until it serves the client bundle.
    /// </summary>
    public static async Task<ServerProcess> StartAppAsync(string appDll, params string[] extraArgs)
    {
        var server = new ServerProcess(FreePort(), TestHost.NewDataPath(), extraArgs, appDll: appDll);
        try
        {
            await server.StartAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the app (again) on the same port and data folder and waits until it answers HTTP.</summary>
    public async Task StartAsync()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("The server process is already running.");
        }
        var run = Interlocked.Increment(ref _run);
        var dll = _appDll ?? TestAppDll();
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        string[] args =
        [
            dll,
            "--urls", BaseAddress.ToString().TrimEnd('/'),
            "--Rekindle:DataPath", DataPath,
            "--Logging:Console:FormatterName", "simple",
            "--Logging:Console:FormatterOptions:SingleLine", "true",
            "--Logging:Console:FormatterOptions:ColorBehavior", "Disabled",
            "--Logging:LogLevel:Default", "Information",
            "--Logging:LogLevel:Microsoft.AspNetCore", "Warning",
            "--Logging:LogLevel:Rekindle", "Debug",
            .. _extraArgs,
            .. NextStartArgs,
        ];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("DOTNET_URLS");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Record(Parse(run, e.Data, LogLevel.Information));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                // The console logger writes to stdout; stderr only carries what escaped it (a host crash).
                Record(new TestLogSink.LogLine($"run {run} stderr", LogLevel.Error, default, e.Data, null));
            }
        };
        process.Start();
        s_running[process] = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server process exited with {process.ExitCode} before answering:\n{Tail()}");
            }
            try
            {
                // Any answer means Kestrel is listening, which it only does once the endpoints are mapped.
                using var response = await _probe.GetAsync(Url(ReadyProbePath), HttpCompletionOption.ResponseHeadersRead);
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                if (deadline.Elapsed > StartTimeout)
                {
                    throw new TimeoutException($"The server process did not answer within {StartTimeout}:\n{Tail()}");
                }
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Kills the process with SIGKILL (no shutdown code runs) and waits for it to be gone.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process)
        {
            return;
        }
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(timeout.Token); // also waits for the output to be drained
        }
        finally
        {
            s_running.TryRemove(process, out _);
            process.Dispose();
            _process = null;
        }
    }

    /// <summary>
    /// Sends SIGTERM (what a rolling deploy or <c>systemctl stop</c> sends), lets the host run its
    /// shutdown (the drain) and waits for the process to exit; returns its exit code.
    /// </summary>
    public async Task<int> StopAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            throw new InvalidOperationException("The server process is not running.");
        }
        try
        {
            if (SendSignal(process.Id, SigTerm) != 0)
            {
                throw new InvalidOperationException($"kill({process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}.");
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            return process.ExitCode;
        }
        finally
        {
            s_running.TryRemove(process, out _);
            process.Dispose();
            _process = null;
        }
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    /// <summary>SIGKILL, then start again on the same port and data folder.</summary>
    public async Task RestartAsync()
    {
        await KillAsync();
        await StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        finally
        {
            _probe.Dispose();
            try
            {
                Directory.Delete(DataPath, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Leftovers in the temp folder are harmless.
            }
        }
    }

    private void Record(TestLogSink.LogLine line)
    {
        _logs.Enqueue(line);
        _sharedLogs?.Enqueue(line);
    }

    /// <summary>The last lines of the child's log, for failure messages.</summary>
    public string Tail(int lines = 40) => string.Join("\n", Logs.TakeLast(lines).Select(line => $"{line.Level} {line.Category}: {line.Message}"));

    private static TestLogSink.LogLine Parse(int run, string text, LogLevel fallback)
    {
        var match = ConsoleLine().Match(text);
        if (!match.Success)
        {
            return new TestLogSink.LogLine($"run {run} stdout", fallback, default, text, null);
        }
        var level = match.Groups["level"].Value switch
        {
            "trce" => LogLevel.Trace,
            "dbug" => LogLevel.Debug,
            "info" => LogLevel.Information,
            "warn" => LogLevel.Warning,
            "fail" => LogLevel.Error,
            "crit" => LogLevel.Critical,
            _ => fallback,
        };
        return new TestLogSink.LogLine(match.Groups["category"].Value, level, new EventId(int.Parse(match.Groups["id"].Value)), match.Groups["message"].Value, null);
    }

    /// <summary>The simple console formatter's single-line format: <c>fail: Category[42] message</c>.</summary>
    [GeneratedRegex(@"^(?<level>trce|dbug|info|warn|fail|crit): (?<category>[^\s\[]+)\[(?<id>\d+)\] (?<message>.*)$")]
    private static partial Regex ConsoleLine();

    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>
    /// The TestApp's own build output (it has the runtimeconfig and deps files that <c>dotnet app.dll</c>
    /// needs; the copy next to the test assembly does not), same configuration as the tests.
    /// </summary>
    private static string TestAppDll()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;            // net10.0
        var configuration = testBin.Parent!.Name; // Debug or Release
        var candidates = new List<string> { Path.Combine(testBin.FullName, "Rekindle.TestApp.dll") };
        for (var dir = testBin; dir is not null; dir = dir.Parent)
        {
            var project = Path.Combine(dir.FullName, "tests", "Rekindle.TestApp");
            if (Directory.Exists(project))
            {
                candidates.Insert(0, Path.Combine(project, "bin", configuration, framework, "Rekindle.TestApp.dll"));
                break;
            }
        }
        foreach (var dll in candidates)
        {
            if (File.Exists(dll) && File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")))
            {
                return dll;
            }
        }
        throw new FileNotFoundException("Rekindle.TestApp.dll with its runtimeconfig.json not found; looked at:\n" + string.Join("\n", candidates));
    }

    /// <summary>The dotnet host running these tests (the SDK sets DOTNET_HOST_PATH for its children), else dotnet on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
