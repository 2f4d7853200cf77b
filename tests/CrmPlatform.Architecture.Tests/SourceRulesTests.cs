using System.Text.RegularExpressions;

namespace CrmPlatform.Architecture.Tests;

public sealed partial class SourceRulesTests
{
    [Fact]
    public void Backend_code_reads_time_only_through_TimeProvider()
    {
        var offenders = BackendSources()
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(l => WallClock().IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(Root, l.file)}:{l.number}: {l.line.Trim()}");

        offenders.Should().BeEmpty("inject TimeProvider (tests control time; the database stores UTC)");
    }

    private static readonly string Root = FindRoot();

    private static IEnumerable<string> BackendSources() =>
        Directory.EnumerateFiles(Path.Combine(Root, "backend", "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CrmPlatform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CrmPlatform.sln not found.");
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Now|UtcNow|Today)\b")]
    private static partial Regex WallClock();
}
