using Release.Engine.Hosting;
using Release.Testing;

namespace Release.Releasing.Tests;

/// <summary>
/// Tag works in Clone's workspace, so it depends on Clone: <c>./build.sh Clone Tag</c> once ran the two at once and
/// failed on a missing workspace or a raw git error.
/// </summary>
public class TagDependencyTests
{
    [Test]
    public async Task Tag_depends_on_Clone_so_the_two_never_run_at_once()
    {
        using var root = new TempDirectory("release-tag-graph");
        var graph = await BuildHost.InspectAsync<global::Release.Build.Build>(new BuildHostOptions
        {
            RootDirectory = root.Path, WriteSchema = false, Environment = new Dictionary<string, string>(),
        });

        Assert.That(graph.Find("Tag")!.DependsOn, Does.Contain("Clone"));
        Assert.That(graph.Closure(["Tag"]).Select(t => t.Name), Does.Contain("Clone"), "./build.sh Tag alone clones first");
    }
}
