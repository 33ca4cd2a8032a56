using Release.Containers.Tests.Support;
using Release.Tooling.Tools;

namespace Release.Containers.Tests;

/// <summary>
/// Run-wide set-up: installs the container tools the tests drive for real (podman, runc, buildah, skopeo,
/// docker-registry) so a fresh machine runs every test instead of skipping, and shares the assembled base image.
/// </summary>
[SetUpFixture]
public sealed class ContainerTestSetUp
{
    internal static AssembledBaseImageCache BaseImage { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task InstallToolsAsync()
    {
        await new AptInstaller(log: TestLog.Write).EnsureInstalledAsync(["podman", "runc", "buildah", "skopeo", "docker-registry"]);
        BaseImage = new AssembledBaseImageCache();
    }

    [OneTimeTearDown]
    public void CleanUp() => BaseImage.Dispose();
}
