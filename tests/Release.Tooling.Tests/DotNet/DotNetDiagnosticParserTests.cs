using Release.Tooling.DotNet;

namespace Release.Tooling.Tests.DotNet;

public sealed class DotNetDiagnosticParserTests
{
    [Test]
    public void Reads_file_line_column_code_message_and_project_once_each()
    {
        string[] output =
        [
            "  Determining projects to restore...",
            "/src/App/Program.cs(12,5): error CS1002: ; expected [/src/App/App.csproj]",
            "/src/App/Util.cs(3,17): warning CS0168: The variable 'e' is declared but never used [/src/App/App.csproj]",
            "Build FAILED.",
            "/src/App/Program.cs(12,5): error CS1002: ; expected [/src/App/App.csproj]",
            "/src/App/App.csproj : error NU1101: Unable to find package Foo. No packages exist with this id in source(s): local",
            "MSBUILD : error MSB1009: Project file does not exist.",
            "    0 Warning(s)",
        ];

        var diagnostics = DotNetDiagnosticParser.Parse(output);

        Assert.That(diagnostics, Is.EqualTo(new[]
        {
            new DotNetDiagnostic("/src/App/Program.cs", 12, 5, DotNetDiagnosticSeverity.Error, "CS1002", "; expected", "/src/App/App.csproj"),
            new DotNetDiagnostic("/src/App/Util.cs", 3, 17, DotNetDiagnosticSeverity.Warning, "CS0168", "The variable 'e' is declared but never used", "/src/App/App.csproj"),
            new DotNetDiagnostic("/src/App/App.csproj", null, null, DotNetDiagnosticSeverity.Error, "NU1101", "Unable to find package Foo. No packages exist with this id in source(s): local", null),
            new DotNetDiagnostic("MSBUILD", null, null, DotNetDiagnosticSeverity.Error, "MSB1009", "Project file does not exist.", null),
        }));
        Assert.That(diagnostics[0].ToString(), Is.EqualTo("/src/App/Program.cs(12,5): error CS1002: ; expected"));
    }

    [Test]
    public void Ignores_ordinary_lines_that_mention_errors()
    {
        string[] output = ["    0 Error(s)", "Tests: error handling works", "Passed!  - Failed: 0"];

        Assert.That(DotNetDiagnosticParser.Parse(output), Is.Empty);
    }
}
