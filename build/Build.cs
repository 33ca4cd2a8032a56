using Release.Engine;
using Release.Engine.Hosting;

namespace Release.Build;

/// <summary>
/// This repository's own build, written with the library it ships. The default target runs the whole pipeline on the
/// sample module; <c>Test</c> runs the repository's test suite.
/// </summary>
partial class Build : Engine.Build
{
    public static Task<int> Main(string[] args) => BuildHost.RunConsoleAsync<Build>(args, x => x.Compile);

    [Parameter("Configuration of the repository's own projects")]
    readonly string Configuration = "Release";

    AbsolutePath Solution => RootDirectory / "Release.sln";
}
