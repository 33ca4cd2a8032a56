using System.Text.Json;
using Release.Stages.Tests.Support;
using Release.Testing;
using Release.Testing.Git;
using Release.Testing.Registry;

namespace Release.Stages.Tests;

/// <summary>
/// A release built twice from one commit, in two clones at different paths and against two registries on different
/// ports, has one image digest: nothing of the machine (checkout path, registry port, clock) goes into the image.
/// </summary>
[NonParallelizable]
public class ReproducibleImageTests
{
    [Test]
    public async Task One_commit_built_in_two_clones_at_different_paths_with_two_registries_gives_one_digest()
    {
        using var repository = await DirectorRepository.CreateAsync();
        await using var registryA = await RegistryFixture.StartAsync();
        await using var registryB = await RegistryFixture.StartAsync();
        using var folderA = new TempDirectory("release-repro-a");
        using var folderB = new TempDirectory("release-repro-b");
        // Different lengths and depths too, so nothing padded or measured by the path can hide.
        var cloneA = folderA.Combine("a");
        var cloneB = folderB.Combine("somewhere", "much", "deeper", "checkout-b");
        var builds = new List<JsonElement>();
        foreach (var (clone, registry) in new[] { (cloneA, registryA), (cloneB, registryB) })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(clone)!);
            await GitCli.RunAsync(Path.GetDirectoryName(clone)!, ["clone", "-q", "--", repository.RemoteUrl, clone]);
            Directory.CreateDirectory(Path.Combine(clone, ".nuke"));
            // The build's own root is the clone, so Clone reads the checkout (the default --source-repository).
            var run = await StageRun.RunAsync<PipelineBuild>(clone, "Build", "--registry", registry.Address);
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
            builds.Add(Json.Read(Path.Combine(clone, "artifacts/modules/director/build/image.json")));
        }

        Assert.That(builds[0].GetProperty("registry").GetString(), Is.Not.EqualTo(builds[1].GetProperty("registry").GetString()));
        Assert.That(builds[1].GetProperty("tag").GetString(), Is.EqualTo(builds[0].GetProperty("tag").GetString()));
        Assert.That(builds[1].GetProperty("digest").GetString(), Is.EqualTo(builds[0].GetProperty("digest").GetString()),
            "same commit, same image, wherever it was built");
        var labels = builds[0].GetProperty("labels");
        Assert.That(labels.GetProperty("org.opencontainers.image.source").GetString(), Is.EqualTo(repository.RemoteUrl),
            "the clones' origin remote, not their paths");
        Assert.That(labels.GetProperty("org.opencontainers.image.revision").GetString(), Is.EqualTo(await repository.Work.HeadAsync()));
    }
}
