using Release.Engine;

namespace Release.CI.Tests.Builds;

/// <summary>A build whose jobs share the compiled build, fall back to GitLab's registry and report TRX and a coverage line.</summary>
public sealed class HandOffBuild : Build, IContinuousIntegration
{
    [Parameter("Registry")] readonly string? Registry = null;
    [Parameter("Registry user")] readonly string? RegistryUsername = null;
    [Parameter("Registry password"), Secret] readonly string? RegistryPassword = null;
    [Parameter("Image repository")] readonly string? ImageRepository = null;

    Target Compile => _ => _.Produces("artifacts/bin/*.dll").Executes(() => { });
    Target Test => _ => _.DependsOn(Compile).Consumes(Compile).Produces("artifacts/tests/*.trx").Executes(() => { });

    CiConfiguration IContinuousIntegration.Ci => new CiConfiguration()
        .OnBranches("main")
        .Job(nameof(Test))
        .Reports(nameof(Test), trx: "artifacts/tests/*.trx", coverageLine: @"Line coverage: (\d+(?:\.\d+)?)%")
        .ImportSecrets(nameof(RegistryPassword))
        .Variables(nameof(Registry))
        .UseGitLabContainerRegistry(nameof(Registry), nameof(RegistryUsername), nameof(RegistryPassword), nameof(ImageRepository))
        .ShareCompiledBuild();
}
