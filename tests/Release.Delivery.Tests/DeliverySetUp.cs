using Release.Testing.Registry;
using Release.Tooling.Tools;

using Release.Delivery.Tests.Support;
using Release.Delivery.Tests;

namespace Release.Delivery.Tests;

/// <summary>
/// Run-wide set-up: installs what the tests drive for real (podman, runc, docker-registry), starts one shared registry,
/// and builds the director image once for the tests that run it.
/// </summary>
[SetUpFixture]
public sealed class DeliverySetUp
{
    internal static RegistryFixture Registry { get; private set; } = null!;

    internal static DirectorImage Director { get; private set; } = null!;

    /// <summary>
    /// Director 1.3.0 with its deployment-window API broken (500) while its health still answers: the release a journey
    /// catches and an automatic rollback undoes. Built on first use only.
    /// </summary>
    internal static DirectorImage BrokenDirector { get; private set; } = null!;

    /// <summary>The sample application's modules, published on first use (<see cref="PublishedSamples.EnsurePublishedAsync"/>).</summary>
    internal static PublishedSamples Samples { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        await new AptInstaller(log: TestContext.Progress.WriteLine).EnsureInstalledAsync(["podman", "runc", "docker-registry", "git"]);
        Registry = await RegistryFixture.StartAsync();
        Samples = new PublishedSamples();
        Director = new DirectorImage(Registry.Address);
        BrokenDirector = new DirectorImage(Registry.Address, "build-2-broken", "1.3.0", program => program.Replace(
            "app.MapGet(\"/environments/{environment}/deployment-windows\", DeploymentEndpoints.ListWindows);",
            "app.MapGet(\"/environments/{environment}/deployment-windows\", () => Results.StatusCode(500));"));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        Director.Dispose();
        BrokenDirector.Dispose();
        Samples.Dispose();
        await Registry.DisposeAsync();
    }
}
