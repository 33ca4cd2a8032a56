using Release.Testing;
using Release.Testing.DotNet;
using Release.Tooling.DotNet;

namespace Release.Stages.Tests.Support;

/// <summary>
/// Tiny NUnit projects in a temp folder, for real <c>dotnet test</c> runs: <c>Tiny.Tests</c> (two passing tests and one
/// failing one in category Broken) and <c>Empty.Tests</c> (no test), both compiled; <c>Unbuilt.Tests</c>, never built.
/// </summary>
public sealed class TinyTestProjects : IDisposable
{
    private readonly TempDirectory _root = new("release-tiny-tests");

    /// <summary>Compiles the built ones (Release configuration).</summary>
    public static async Task<TinyTestProjects> CreateAsync()
    {
        var projects = new TinyTestProjects();
        projects.Write("Tiny.Tests", """
            namespace Tiny.Tests;
            public class TinyTests
            {
                [Test] public void Adds() => Assert.That(1 + 1, Is.EqualTo(2));
                [Test] public void Concatenates() => Assert.That("a" + "b", Is.EqualTo("ab"));
                [Test, Category("Broken")] public void Fails() => Assert.That(1, Is.EqualTo(2), "deliberately broken");
            }
            """);
        projects.Write("Empty.Tests", "namespace Empty.Tests;\npublic class NotATest { }\n");
        projects.Write("Unbuilt.Tests", "namespace Unbuilt.Tests;\npublic class UnbuiltTests { [Test] public void Passes() { } }\n");
        var dotnet = new DotNetClient();
        foreach (var name in new[] { "Tiny.Tests", "Empty.Tests" })
            await dotnet.BuildAsync(new DotNetBuildSettings { Project = projects.Project(name), Configuration = "Release" });
        return projects;
    }

    /// <summary>The project file of <paramref name="name"/>.</summary>
    public string Project(string name) => _root.Combine(name, $"{name}.csproj");

    /// <summary>A fresh results folder.</summary>
    public string NewResultsDirectory() => _root.Combine("results-" + Guid.NewGuid().ToString("N")[..8]);

    private void Write(string name, string code)
    {
        _root.WriteFile($"{name}/{name}.csproj", NUnitProjectFile.Text());
        _root.WriteFile($"{name}/Tests.cs", code);
    }

    public void Dispose() => _root.Dispose();
}
