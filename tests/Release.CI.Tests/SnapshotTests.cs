using Release.CI.Tests.Builds;
using Release.CI.Tests.Support;
using Release.Engine;

namespace Release.CI.Tests;

/// <summary>Generated files for varied definitions, compared with reviewed snapshots.</summary>
public class SnapshotTests
{
    [Test] public Task Diamond() => VerifyAsync<DiamondBuild>("diamond");
    [Test] public Task Partitions() => VerifyAsync<PartitionedBuild>("partitions");
    [Test] public Task Schedule() => VerifyAsync<ScheduledBuild>("schedule");
    [Test] public Task Environments() => VerifyAsync<EnvironmentsBuild>("environments");
    [Test] public Task RepositoryShaped() => VerifyAsync<RepositoryShapedBuild>("repository");

    [Test]
    public async Task Generating_twice_gives_identical_bytes()
    {
        var first = await Generated.ForAsync<EnvironmentsBuild>();
        var second = await Generated.ForAsync<EnvironmentsBuild>();
        Assert.That(second.Select(f => f.Content), Is.EqualTo(first.Select(f => f.Content)));
    }

    private static async Task VerifyAsync<T>(string name) where T : Build, IContinuousIntegration, new()
    {
        var files = await Generated.ForAsync<T>();
        Assert.Multiple(() =>
        {
            Approvals.Verify(files[0].Content, name + ".gitlab-ci");
            Approvals.Verify(files[1].Content, name + ".azure-pipelines");
        });
    }
}
