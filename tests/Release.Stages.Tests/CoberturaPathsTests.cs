using System.Xml.Linq;
using Release.Stages.UnitTest;
using Release.Testing;

namespace Release.Stages.Tests;

/// <summary>Coverage reports name files by their path in the repository, as GitLab's merge-request coverage view needs.</summary>
public class CoberturaPathsTests
{
    [Test]
    public void Absolute_workspace_sources_become_repository_relative_file_names_under_one_relative_source()
    {
        using var workspace = new TempDirectory("release-cobertura");
        workspace.WriteFile("samples/director/src/Director/BuildInfo.cs", "class BuildInfo { }");
        workspace.WriteFile("samples/director/src/Shared/Clock.cs", "class Clock { }");
        var report = workspace.WriteFile("coverage.cobertura.xml", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <coverage line-rate="0.5" lines-covered="1" lines-valid="2">
              <sources>
                <source>{workspace.Path}/samples/director/src/Director/</source>
                <source>{workspace.Path}/samples/director/src/Shared/</source>
              </sources>
              <packages><package name="Director"><classes>
                <class name="BuildInfo" filename="BuildInfo.cs" />
                <class name="Clock" filename="Clock.cs" />
                <class name="Runtime" filename="/usr/share/dotnet/Runtime.cs" />
              </classes></package></packages>
            </coverage>
            """);

        CoberturaPaths.MakeRelative(report, workspace.Path);

        var root = XDocument.Load(report).Root!;
        Assert.That(root.Element("sources")!.Elements("source").Select(s => s.Value), Is.EqualTo(new[] { "." }));
        Assert.That(root.Descendants("class").Select(c => (string?)c.Attribute("filename")), Is.EqualTo(new[]
        {
            "samples/director/src/Director/BuildInfo.cs", "samples/director/src/Shared/Clock.cs", "/usr/share/dotnet/Runtime.cs",
        }));
        Assert.That(CoberturaCoverage.Read(report).LinesValid, Is.EqualTo(2), "the counts are kept");
    }

    [TestCase(83.4, "Line coverage: 83.4%")]
    [TestCase(100, "Line coverage: 100%")]
    [TestCase(66.666, "Line coverage: 66.67%")]
    public void The_coverage_line_matches_the_regex_given_to_CI(double percent, string line)
    {
        Assert.That(CoverageLine.Format(percent), Is.EqualTo(line));
        Assert.That("[UnitTest] " + line, Does.Match(CoverageLine.GitLabRegex.Trim('/')));
    }
}
