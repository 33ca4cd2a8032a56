using Release.Oci;
using Release.Testing;
using Release.Testing.Registry;

namespace Release.Containers.Tests.Support;

/// <summary>
/// What every end-to-end container test class stands on: a real docker-registry and a work folder for the class, both
/// gone afterwards, and the embedded base image pushed to the registry when a test builds on it.
/// </summary>
/// <param name="workName">The work folder's name prefix (tells the test classes' folders apart).</param>
public abstract class EndToEndRegistry(string workName)
{
    /// <summary>The registry, started before the class's own set-up runs.</summary>
    protected RegistryFixture Registry { get; private set; } = null!;

    /// <summary>The class's work folder.</summary>
    protected TempDirectory Work { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartRegistryAsync()
    {
        Registry = await RegistryFixture.StartAsync();
        Work = new TempDirectory(workName);
    }

    [OneTimeTearDown]
    public async Task StopRegistryAsync()
    {
        await Registry.DisposeAsync();
        Work.Dispose();
    }

    /// <summary>Pushes the embedded base (assembled once per run) as <c>base/aspnet:10.0</c> and returns its name.</summary>
    protected async Task<string> PushEmbeddedBaseAsync()
    {
        var image = await ContainerTestSetUp.BaseImage.GetAsync(CancellationToken.None);
        using var client = Registry.CreateClient();
        await client.PushLayoutAsync(image.LayoutDirectory, "base/aspnet", "10.0");
        return $"{Registry.Address}/base/aspnet:10.0";
    }
}
