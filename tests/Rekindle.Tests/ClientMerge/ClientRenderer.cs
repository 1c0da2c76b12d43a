using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Rekindle.Tests.ClientMerge;

/// <summary>
/// Drives the real phoenix_live_view client merge/render code (its <c>Rendered</c> class, run
/// under Node by <c>rendered-harness.mjs</c>) so tests can turn our server's join renders and
/// diffs into the HTML the browser client would build from them.
/// One Node process per instance, started on first use; calls are serialized.
/// </summary>
/// <remarks>
/// Needs <c>node</c> (20+) on PATH and the npm package <c>phoenix_live_view</c>. The harness must be
/// copied next to the test assembly:
/// <c>&lt;None Include="ClientMerge/rendered-harness.mjs" CopyToOutputDirectory="PreserveNewest" /&gt;</c>.
/// Returned HTML is the full HTML of the view after the merge (no data-phx-skip placeholders);
/// with <c>normalize</c> (default) the attributes the client injects into root elements
/// (data-phx-id, data-phx-component, data-phx-view) are removed.
/// </remarks>
internal sealed class ClientRenderer : IAsyncDisposable
{
    /// <summary>Environment variable that may point at the phoenix_live_view package directory (or its esm bundle).</summary>
    public const string PackagePathVariable = "REKINDLE_PHX_LV_PATH";

    private const string EsmRelativePath = "priv/static/phoenix_live_view.esm.js";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private const int MaxStderrChars = 8000;

    private readonly string _esmPath;
    private readonly string _harnessPath;
    private readonly string _nodeExecutable;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly StringBuilder _stderr = new();
    private Process? _process;
    private bool _disposed;

    /// <param name="packagePath">
    /// The phoenix_live_view package directory, or its <c>priv/static/phoenix_live_view.esm.js</c>.
    /// Default: <see cref="PackagePathVariable"/>, else <see cref="TryLocatePackage"/>.
    /// </param>
    /// <param name="harnessPath">Default: <c>ClientMerge/rendered-harness.mjs</c> under <see cref="AppContext.BaseDirectory"/>.</param>
    /// <param name="nodeExecutable">Default: <c>node</c> from PATH.</param>
    public ClientRenderer(string? packagePath = null, string? harnessPath = null, string nodeExecutable = "node")
    {
        packagePath ??= Environment.GetEnvironmentVariable(PackagePathVariable);
        if (string.IsNullOrEmpty(packagePath))
        {
            packagePath = TryLocatePackage()
                ?? throw new InvalidOperationException(
                    "Could not find client/node_modules/phoenix_live_view above " + AppContext.BaseDirectory
                    + " (run npm install in client/, or set " + PackagePathVariable + ").");
        }

        _esmPath = Directory.Exists(packagePath) ? Path.Combine(packagePath, EsmRelativePath) : packagePath;
        if (!File.Exists(_esmPath))
        {
            throw new InvalidOperationException("phoenix_live_view ESM bundle not found: " + _esmPath);
        }

        _harnessPath = harnessPath ?? Path.Combine(AppContext.BaseDirectory, "ClientMerge", "rendered-harness.mjs");
        if (!File.Exists(_harnessPath))
        {
            throw new InvalidOperationException(
                "Harness not found: " + _harnessPath + " (is rendered-harness.mjs copied to the output directory?)");
        }

        _nodeExecutable = nodeExecutable;
    }

    /// <summary>
    /// Walks up from <paramref name="startDirectory"/> (default <see cref="AppContext.BaseDirectory"/>)
    /// to the first directory containing <c>client/node_modules/phoenix_live_view</c> and returns that
    /// package directory, or null.
    /// </summary>
    public static string? TryLocatePackage(string? startDirectory = null)
    {
        for (var dir = new DirectoryInfo(startDirectory ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "client", "node_modules", "phoenix_live_view");
            if (File.Exists(Path.Combine(candidate, EsmRelativePath)))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Starts (or restarts) session <paramref name="sessionId"/> from a join reply's <c>rendered</c> and returns its HTML.</summary>
    public async Task<string> JoinAsync(string sessionId, string renderedJson, bool normalize = true)
    {
        var response = await SendAsync(new JsonObject
        {
            ["op"] = "join",
            ["id"] = sessionId,
            ["rendered"] = ParseObject(renderedJson, nameof(renderedJson)),
            ["normalize"] = normalize,
        }).ConfigureAwait(false);
        return GetHtml(response);
    }

    /// <summary>Merges a diff into session <paramref name="sessionId"/> and returns the view's full HTML afterwards.</summary>
    public async Task<string> MergeDiffAsync(string sessionId, string diffJson, bool normalize = true)
    {
        var response = await SendAsync(new JsonObject
        {
            ["op"] = "diff",
            ["id"] = sessionId,
            ["diff"] = ParseObject(diffJson, nameof(diffJson)),
            ["normalize"] = normalize,
        }).ConfigureAwait(false);
        return GetHtml(response);
    }

    /// <summary>
    /// Sends one raw harness request (see rendered-harness.mjs for ops and fields, e.g.
    /// <c>"raw": true</c> or <c>"op": "get"</c>) and returns the response object.
    /// Throws <see cref="InvalidOperationException"/> if the harness answers with an error.
    /// </summary>
    public async Task<JsonObject> SendAsync(JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var line = request.ToJsonString();
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var process = await EnsureStartedAsync().ConfigureAwait(false);
            string? responseLine;
            try
            {
                await process.StandardInput.WriteLineAsync(line).ConfigureAwait(false);
                await process.StandardInput.FlushAsync().ConfigureAwait(false);
                responseLine = await process.StandardOutput.ReadLineAsync()
                    .WaitAsync(RequestTimeout).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or TimeoutException)
            {
                Fail();
                throw new InvalidOperationException(
                    "rendered-harness did not answer: " + ex.Message + StderrSuffix(), ex);
            }

            if (responseLine is null)
            {
                Fail();
                throw new InvalidOperationException("rendered-harness exited unexpectedly." + StderrSuffix());
            }

            var response = JsonNode.Parse(responseLine) as JsonObject
                ?? throw new InvalidOperationException("rendered-harness sent a non-object response: " + responseLine);
            if (response["error"] is JsonNode error)
            {
                throw new InvalidOperationException(error.GetValue<string>());
            }

            return response;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            var process = _process;
            _process = null;
            if (process is null)
            {
                return;
            }

            try
            {
                // The harness exits when its stdin closes.
                process.StandardInput.Close();
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException)
            {
                Kill(process);
            }
            finally
            {
                process.Dispose();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Process> EnsureStartedAsync()
    {
        if (_process is { HasExited: false } running)
        {
            return running;
        }

        _process?.Dispose();
        _process = null;
        lock (_stderr)
        {
            _stderr.Clear();
        }

        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var startInfo = new ProcessStartInfo(_nodeExecutable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardInputEncoding = utf8,
            StandardOutputEncoding = utf8,
            StandardErrorEncoding = utf8,
            WorkingDirectory = Path.GetDirectoryName(_harnessPath) ?? AppContext.BaseDirectory,
        };
        startInfo.ArgumentList.Add(_harnessPath);
        startInfo.ArgumentList.Add(_esmPath);

        Process process;
        try
        {
            process = Process.Start(startInfo)
                ?? throw new InvalidOperationException("Could not start " + _nodeExecutable);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("Could not start '" + _nodeExecutable + "' (is Node.js on PATH?): " + ex.Message, ex);
        }

        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
                if (_stderr.Length > MaxStderrChars)
                {
                    _stderr.Remove(0, _stderr.Length - MaxStderrChars);
                }
            }
        };
        process.BeginErrorReadLine();
        _process = process;

        string? ready;
        try
        {
            ready = await process.StandardOutput.ReadLineAsync().WaitAsync(StartTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            Fail();
            throw new InvalidOperationException("rendered-harness did not start in time." + StderrSuffix(), ex);
        }

        var readyObject = ready is null ? null : JsonNode.Parse(ready) as JsonObject;
        if (readyObject?["ready"]?.GetValue<bool>() != true)
        {
            Fail();
            var reason = readyObject?["error"]?.GetValue<string>() ?? ready ?? "process exited";
            throw new InvalidOperationException("rendered-harness failed to start: " + reason + StderrSuffix());
        }

        return process;
    }

    // The request/response stream can no longer be trusted: drop the process (sessions are lost);
    // the next call starts a fresh one.
    private void Fail()
    {
        var process = _process;
        _process = null;
        if (process is not null)
        {
            Kill(process);
            process.Dispose();
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    private string StderrSuffix()
    {
        lock (_stderr)
        {
            return _stderr.Length == 0 ? string.Empty : Environment.NewLine + "stderr: " + _stderr;
        }
    }

    private static JsonObject ParseObject(string json, string paramName)
    {
        ArgumentNullException.ThrowIfNull(json, paramName);
        return JsonNode.Parse(json) as JsonObject
            ?? throw new ArgumentException("Expected a JSON object.", paramName);
    }

    private static string GetHtml(JsonObject response) =>
        response["html"]?.GetValue<string>()
        ?? throw new InvalidOperationException("rendered-harness response has no html: " + response.ToJsonString());
}
