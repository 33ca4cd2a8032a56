using Release.Tooling.Tools;

namespace Release.Tooling.Tests;

/// <summary>Installs the tools these tests drive (idempotent: nothing runs when they are present), once per test run.</summary>
[SetUpFixture]
public sealed class RequiredToolsSetUp
{
    [OneTimeSetUp]
    public async Task InstallMissingToolsAsync()
    {
        var installer = new AptInstaller(log: TestContext.Progress.WriteLine);
        await installer.EnsureToolAsync(KnownTools.Git);
        await installer.EnsureToolAsync(KnownTools.Kubectl);
    }
}
