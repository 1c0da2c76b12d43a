using System.Diagnostics;

namespace Rekindle.Browser.Tests.Template;

/// <summary>
/// What a new user does on a machine with only the .NET SDK: packs the repository's packages into a
/// folder feed (standing in for nuget.org), installs the template package into a private template
/// hive, makes an app and its tests with <c>dotnet new</c> in a temp folder, and builds them against
/// the packed packages only (a nuget.config with the feed, no project reference into this repository).
/// </summary>
internal sealed class PackedTemplate
{
    public const string AppName = "FirstHour";
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(4);
    private static readonly string[] Packages = ["Rekindle", "Rekindle.Redis", "Rekindle.Testing", "Rekindle.Templates"];

    private PackedTemplate(string root) => Root = root;

    /// <summary>The temp folder holding the feed, the hive, the packages cache and the generated projects.</summary>
    public string Root { get; }

    public string Feed => Path.Combine(Root, "feed");

    public string AppFolder => Path.Combine(Root, AppName);

    public string TestsFolder => Path.Combine(Root, AppName + ".Tests");

    /// <summary>The generated app's build output, run with <c>dotnet FirstHour.dll</c>.</summary>
    public string AppDll => Path.Combine(AppFolder, "bin", "Debug", "net10.0", AppName + ".dll");

    /// <summary>The output of <c>dotnet test</c> on the generated tests project.</summary>
    public string GeneratedTestsOutput { get; private set; } = "";

    /// <summary>How long each step took, for the test log.</summary>
    public List<string> Timings { get; } = [];

    public static async Task<PackedTemplate> CreateAsync()
    {
        var template = new PackedTemplate(Path.Combine(Path.GetTempPath(), "rekindle-tests", "template-" + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(template.Root);
        await template.PackAsync();
        await template.GenerateAsync();
        await template.BuildAndTestAsync();
        return template;
    }

    /// <summary>
    /// Copies the generated app's sources (no build output, no data) to a folder of its own under
    /// <see cref="Root"/>, where the feed's nuget.config still applies; returns the copy's folder.
    /// </summary>
    public string CopyApp(string name)
    {
        var copy = Path.Combine(Root, name, AppName);
        foreach (var file in Directory.EnumerateFiles(AppFolder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(AppFolder, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj" or "data")
            {
                continue;
            }
            var target = Path.Combine(copy, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!); // a file's full path always has a directory
            File.Copy(file, target);
        }
        return copy;
    }

    public string PackagePath(string id, string extension = ".nupkg") =>
        Directory.GetFiles(Feed, id + ".*" + extension).Single(path => IsVersionOf(id, Path.GetFileName(path)));

    private static bool IsVersionOf(string id, string fileName) =>
        fileName.Length > id.Length + 1 && char.IsAsciiDigit(fileName[id.Length + 1]);

    private async Task PackAsync()
    {
        var repository = RepositoryRoot();
        foreach (var package in Packages)
        {
            await StepAsync(repository, "pack", Path.Combine("src", package, package + ".csproj"), "-c", "Release", "-o", Feed, "--disable-build-servers", "-nologo");
        }
    }

    private async Task GenerateAsync()
    {
        var hive = Path.Combine(Root, "hive");
        await StepAsync(Root, "new", "install", PackagePath("Rekindle.Templates"), "--debug:custom-hive", hive);
        await StepAsync(Root, "new", "rekindle", "-o", AppName, "--debug:custom-hive", hive);
        await StepAsync(Root, "new", "rekindle-tests", "-o", AppName + ".Tests", "--app", AppName, "--debug:custom-hive", hive);
        await File.WriteAllTextAsync(Path.Combine(Root, "nuget.config"), NuGetConfig());
    }

    private async Task BuildAndTestAsync()
    {
        await StepAsync(Root, "build", TestsFolder, "--disable-build-servers", "-nologo");
        GeneratedTestsOutput = await StepAsync(Root, "test", TestsFolder, "--no-build", "-nologo");
    }

    /// <summary>
    /// The feed first for Rekindle's packages (source mapping, so no package of that name from
    /// nuget.org can stand in), nuget.org for the rest. A packages folder of its own, so a package
    /// packed by an earlier run with the same version is never taken from the cache; the machine's
    /// cache as a fallback folder, so the third-party packages are not downloaded again.
    /// </summary>
    private string NuGetConfig() => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <config>
            <add key="globalPackagesFolder" value="{Path.Combine(Root, "packages")}" />
          </config>
          <packageSources>
            <clear />
            <add key="feed" value="{Feed}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="feed"><package pattern="Rekindle" /><package pattern="Rekindle.*" /></packageSource>
            <packageSource key="nuget.org"><package pattern="*" /></packageSource>
          </packageSourceMapping>
          <fallbackPackageFolders>
            <add key="machine" value="{Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages")}" />
          </fallbackPackageFolders>
        </configuration>
        """;

    private async Task<string> StepAsync(string workingDirectory, params string[] args)
    {
        var timer = Stopwatch.StartNew();
        var output = await DotnetCli.RunAsync(workingDirectory, StepTimeout, args);
        Timings.Add($"dotnet {string.Join(' ', args.Take(3))}: {timer.Elapsed.TotalSeconds:F1} s");
        return output;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rekindle.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"Rekindle.sln not found above {AppContext.BaseDirectory}.");
    }

    public void Delete()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
