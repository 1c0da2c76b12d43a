using System.Diagnostics;
using System.Text;

namespace Rekindle.Browser.Tests.Template;

/// <summary>Runs the dotnet CLI as a child process, as a user would in a terminal, and returns its output.</summary>
internal static class DotnetCli
{
    /// <summary>Runs <c>dotnet args</c> in <paramref name="workingDirectory"/>; throws with the output when it fails or overruns.</summary>
    public static async Task<string> RunAsync(string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var start = StartInfo(workingDirectory, args);
        var output = new StringBuilder();
        using var process = Start(start, output);
        var timer = Stopwatch.StartNew();
        using var overrun = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(overrun.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', args)} ran over {timeout}:\n{Text(output)}");
        }
        var text = $"dotnet {string.Join(' ', args)} ({timer.Elapsed.TotalSeconds:F1} s)\n{Text(output)}";
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"exited with {process.ExitCode}: {text}");
        }
        return text;
    }

    /// <summary>The start info of <c>dotnet args</c>, with an environment cleaned of the test host's MSBuild settings.</summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Host())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        // The test host's own MSBuild settings must not leak into a user's build.
        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1"; // no build server outlives the test
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        return start;
    }

    /// <summary>Starts the process with its output (both streams) drained into <paramref name="output"/>.</summary>
    public static Process Start(ProcessStartInfo start, StringBuilder output)
    {
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    public static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    /// <summary>The dotnet host running these tests (the SDK sets DOTNET_HOST_PATH for its children), else dotnet on the PATH.</summary>
    private static string Host() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
