using Release.Testing.Registry;

namespace Release.Releasing.Tests.Support;

/// <summary>Test classes whose releases push images and charts: one real docker-registry process serves all their tests.</summary>
public abstract class RegistryTestBase
{
    /// <summary>The registry, started before the class's first test.</summary>
    protected RegistryFixture Registry { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartRegistry() => Registry = await RegistryFixture.StartAsync();

    [OneTimeTearDown]
    public async Task StopRegistry() => await Registry.DisposeAsync();
}
