using Release.Engine;
using Release.Stages.Clone;

namespace Release.Stages.UnitTest;

/// <summary>
/// The UnitTest stage: runs the module's unit tests with coverage and writes TRX, JUnit XML, Cobertura and a
/// <c>summary.json</c> of counts and coverage under <c>artifacts/unit-tests/</c>. Fails on a failing test or when line
/// coverage is below <see cref="CoverageThreshold"/>.
/// </summary>
public interface IUnitTest : IClone
{
    /// <summary>Test projects relative to the module folder; by default every <c>*Tests.csproj</c> that is not an integration test project.</summary>
    [Parameter("Unit test projects relative to the module folder (default: every *Tests.csproj except *IntegrationTests.csproj)")]
    string[]? UnitTestProjects => TryGetValue(() => UnitTestProjects);

    /// <summary>Which tests run: a <c>dotnet test --filter</c> expression, checked before anything runs; all tests when not given.</summary>
    [Parameter("Test filter expression passed to dotnet test --filter"), TestFilter]
    string? TestFilter => TryGetValue(() => TestFilter);

    /// <summary>The lowest acceptable line coverage in percent (0 to 100).</summary>
    [Parameter("Lowest acceptable line coverage in percent (default 60)"), Range(0, 100)]
    double CoverageThreshold => TryGetValue<double?>(() => CoverageThreshold) ?? 60;

    /// <summary>
    /// The module declares that it has no unit tests: a test project that executes no test is accepted with a warning.
    /// Without it such a run fails, because a stage that ran no test proves nothing.
    /// </summary>
    [Parameter("The module has no unit tests: a test project that executes no test is accepted (it fails otherwise)")]
    bool AllowNoUnitTests => TryGetValue<bool?>(() => AllowNoUnitTests) ?? false;

    /// <summary>Runs the unit tests and writes their reports.</summary>
    Target UnitTest => _ => _
        .Description("Runs the module's unit tests with coverage (TRX, JUnit, Cobertura, summary)")
        .DependsOn<IClone>(x => x.Clone)
        // Build compiles the same workspace; two MSBuild runs on one obj/ folder at once collide, so never overlap.
        .TryAfter<BuildImage.IBuildImage>(x => x.Build)
        // The commit decides the tests and the code under test: same commit, same SDK, same parameters, same results.
        .TryConsumes<IClone>(x => x.Clone)
        .TracksToolVersion("dotnet-sdk", ct => Context.GetOrAddService(() => new Common.DotNetSdkVersion(Paths.Workspace)).GetAsync(ct))
        .Produces(Paths.Glob("unit-tests/**"))
        .Executes(ct => new UnitTestStage(this).RunAsync(ct));
}
