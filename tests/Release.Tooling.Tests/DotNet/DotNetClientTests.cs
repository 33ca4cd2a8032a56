using Release.Testing;
using Release.Tooling.DotNet;

namespace Release.Tooling.Tests.DotNet;

/// <summary>Runs the real dotnet CLI on tiny projects in temp folders.</summary>
public sealed class DotNetClientTests
{
    private const string ClassLibrary =
        "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>";

    private readonly List<string> log = [];
    private TempDirectory folder = null!;
    private DotNetClient client = null!;

    [SetUp]
    public void Create()
    {
        folder = new TempDirectory("release-dotnet");
        client = new DotNetClient(log: log.Add, timeout: TimeSpan.FromMinutes(3));
    }

    [TearDown]
    public void Delete() => folder.Dispose();

    [Test]
    public async Task Reports_the_sdk_version()
    {
        Assert.That(await client.VersionAsync(folder.Path), Does.Match(@"^\d+\.\d+\.\d+"));
    }

    [Test]
    public void Compile_errors_are_listed_with_file_line_and_code()
    {
        folder.WriteFile("Broken/Broken.csproj", ClassLibrary);
        var source = folder.WriteFile("Broken/Broken.cs", "namespace Broken;\npublic class A\n{\n    public int B() { return 1 }\n}\n");

        var failure = Assert.ThrowsAsync<DotNetBuildFailedException>(
            () => client.BuildAsync(new DotNetBuildSettings { Project = folder.Combine("Broken", "Broken.csproj") }))!;

        var error = failure.Errors.Single();
        Assert.That(error.File, Is.EqualTo(source));
        Assert.That(error.Line, Is.EqualTo(4));
        Assert.That(error.Code, Is.EqualTo("CS1002"));
        Assert.That(failure.Message, Does.Contain($"{source}(4,").And.Contain("error CS1002"));
        Assert.That(failure.CommandLine, Does.StartWith("dotnet build "));
    }

    [Test]
    public async Task Builds_with_properties_that_hold_list_separators()
    {
        // A plain MSBuild project whose Build target writes what it received, to see the property arrive intact.
        folder.WriteFile("Echo.proj", """
            <Project>
              <ItemGroup><Tag Include="$(Tags)" /></ItemGroup>
              <Target Name="Build">
                <WriteLinesToFile File="$(MSBuildThisFileDirectory)received.txt" Lines="@(Tag);$(Note)" Overwrite="true" />
              </Target>
            </Project>
            """);

        await client.BuildAsync(new DotNetBuildSettings
        {
            Project = folder.Combine("Echo.proj"),
            Properties = new Dictionary<string, string> { ["Tags"] = "1.0.0;latest", ["Note"] = "two words" },
        });

        Assert.That(await File.ReadAllLinesAsync(folder.Combine("received.txt")), Is.EqualTo(new[] { "1.0.0", "latest", "two words" }));
        Assert.That(log, Has.Some.Contains("-p:Tags=\"1.0.0;latest\""));
    }

    [Test]
    public async Task Publishes_a_library_to_the_output_folder()
    {
        folder.WriteFile("Lib/Lib.csproj", ClassLibrary);
        folder.WriteFile("Lib/Lib.cs", "namespace Lib;\npublic static class Answer { public static int Value => 42; }\n");

        await client.PublishAsync(new DotNetPublishSettings
        {
            Project = folder.Combine("Lib", "Lib.csproj"), Configuration = "Release", Output = folder.Combine("out"),
        });

        Assert.That(File.Exists(folder.Combine("out", "Lib.dll")), Is.True);
    }
}
