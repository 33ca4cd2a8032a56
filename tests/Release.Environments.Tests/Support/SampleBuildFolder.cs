using Release.Testing;
using Release.Testing.Git;

namespace Release.Environments.Tests.Support;

/// <summary>
/// A build root holding the sample application's module folders (what the declaration checks), and a real bare git
/// remote to serve as the environment repository.
/// </summary>
internal sealed class SampleBuildFolder : IDisposable
{
    private SampleBuildFolder(TempDirectory root, TempBareRemote remote) => (Root, Remote) = (root, remote);

    public TempDirectory Root { get; }
    public TempBareRemote Remote { get; }

    public static async Task<SampleBuildFolder> CreateAsync(string name)
    {
        var root = new TempDirectory(name);
        foreach (var module in new[] { "director", "ledger", "gateway" }) root.WriteFile($"modules/{module}/Dockerfile", "FROM base\n");
        return new SampleBuildFolder(root, await TempBareRemote.CreateWithCommitsAsync(1));
    }

    public void Dispose()
    {
        Remote.Dispose();
        Root.Dispose();
    }
}
