using System.Text.RegularExpressions;

namespace Rekindle.Tests;

/// <summary>Every <c>protocol.md §N.N</c> a source file cites is a section of docs/protocol.md.</summary>
public sealed partial class ProtocolCitationTests
{
    private static readonly string[] GeneratedFolders = new[] { "obj", "bin", "node_modules" }
        .Select(name => $"{Path.DirectorySeparatorChar}{name}{Path.DirectorySeparatorChar}")
        .ToArray();

    [Fact]
    public void Citations_InSourceFiles_NameSectionsOfTheProtocolDocument()
    {
        var root = RepositoryRoot();
        var sections = SectionHeading().Matches(File.ReadAllText(Path.Combine(root, "docs", "protocol.md")))
            .Select(match => match.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);
        var citations = new[] { "src", "tests", "samples", "bench", "fuzz", "client" }
            .Select(folder => Path.Combine(root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Where(file => file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".js", StringComparison.Ordinal))
            .Where(file => !GeneratedFolders.Any(folder => file.Contains(folder, StringComparison.Ordinal)))
            .SelectMany(file => Citation().Matches(File.ReadAllText(file)).Select(match => (file: Path.GetRelativePath(root, file), section: match.Groups[1].Value.TrimEnd('.'))))
            .ToList();

        Assert.NotEmpty(citations);
        var unresolved = citations.Where(citation => !sections.Contains(citation.section)).Select(citation => $"{citation.file}: §{citation.section}").ToList();
        Assert.True(unresolved.Count == 0, "Citations of sections docs/protocol.md does not have:\n" + string.Join("\n", unresolved));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Rekindle.sln")))
            {
                return folder.FullName;
            }
        }
        throw new DirectoryNotFoundException($"Rekindle.sln not found above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^##+ (\d+(?:\.\d+)?)[. ]", RegexOptions.Multiline)]
    private static partial Regex SectionHeading();

    // Matches docs/protocol.md and the older docs/protocol.md name, which the same numbering serves.
    [GeneratedRegex(@"protocol\.md ?§(\d+(?:\.\d+)*)")]
    private static partial Regex Citation();
}
