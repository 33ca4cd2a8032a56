using Release.Testing.Registry;

namespace Release.Oci.Tests.Support;

/// <summary>Starts one real registry per test class and gives each test its own repository names.</summary>
public abstract class RegistryTestBase
{
    protected RegistryFixture Registry { get; private set; } = null!;

    protected OciRegistryClient Client { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartRegistryAsync()
    {
        Registry = await RegistryFixture.StartAsync();
        Client = Registry.CreateClient(new OciRegistryClientOptions { InitialRetryDelay = TimeSpan.FromMilliseconds(20) });
    }

    [OneTimeTearDown]
    public async Task StopRegistryAsync()
    {
        Client?.Dispose();
        if (Registry is not null)
        {
            await Registry.DisposeAsync();
        }
    }

    [TearDown]
    public void ShowRegistryLogOnFailure()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            TestContext.Out.WriteLine(string.Join(Environment.NewLine, Registry.Log.TakeLast(40)));
        }
    }

    /// <summary>A repository name unique to this test run, e.g. <c>apps/web-1a2b3c4d</c>.</summary>
    protected static string UniqueRepository(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
}
