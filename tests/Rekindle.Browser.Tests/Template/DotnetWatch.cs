using System.Diagnostics;
using System.Text;

namespace Rekindle.Browser.Tests.Template;

/// <summary>
/// <c>dotnet watch</c> on a project, as a developer runs it, with the settings the README gives for
/// Rekindle: no browser refresh and no static file handling by dotnet watch (Rekindle re-renders the
/// views, reloads stylesheets and reconnects the page itself, never reloading it) and a restart
/// without asking when an edit cannot be applied to the running app.
/// </summary>
internal sealed class DotnetWatch : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly Process _process;
    private readonly StringBuilder _output;

    private DotnetWatch(Process process, StringBuilder output, Uri baseAddress)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Output => DotnetCli.Text(_output);

    /// <summary>Starts <c>dotnet watch</c> in <paramref name="projectFolder"/> and waits until the app serves the client bundle.</summary>
    public static async Task<DotnetWatch> StartAsync(string projectFolder)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{ServerProcess.FreePort()}/");
        var start = DotnetCli.StartInfo(projectFolder, "watch", "--non-interactive", "--no-launch-profile");
        start.Environment["DOTNET_WATCH_SUPPRESS_BROWSER_REFRESH"] = "1";
        // SDK 10.0.401's dotnet watch fails with a NullReferenceException on a wwwroot edit when browser refresh is off.
        start.Environment["DOTNET_WATCH_SUPPRESS_STATIC_FILE_HANDLING"] = "1";
        start.Environment["DOTNET_WATCH_RESTART_ON_RUDE_EDIT"] = "1";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        var output = new StringBuilder();
        var watch = new DotnetWatch(DotnetCli.Start(start, output), output, baseAddress);
        try
        {
            await watch.WaitUntilServingAsync();
            return watch;
        }
        catch
        {
            await watch.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var timer = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"dotnet watch exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "/_rekindle/rekindle.js"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
            }
            if (timer.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"The app under dotnet watch did not answer within {StartTimeout}:\n{Output}");
            }
            await Task.Delay(200);
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
}
