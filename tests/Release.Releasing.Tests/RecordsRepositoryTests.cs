using Release.Releasing.Tests.Support;
using Release.Testing.Git;

namespace Release.Releasing.Tests;

/// <summary>
/// Where the records live (issue 18, points 3 and 4): the default repository is made safely by targets and runs in
/// parallel; a repository whose HEAD names another branch keeps every record on main; CI without a shared
/// repository fails at once naming the variable.
/// </summary>
[NonParallelizable]
public class RecordsRepositoryTests : RegistryTestBase
{
    [Test]
    public async Task OpenRelease_and_ReleaseNotes_in_parallel_runs_both_make_and_use_the_default_repository()
    {
        using var world = await ReleaseWorld.CreateAsync(Registry);
        (await world.RunAsync(new WorldRun(DefaultRecords: true), "Clone", "Version", "--voter", "release.manager@example.com")).Succeeded();
        var repository = world.PathOf(".nuke/temp/release-records.git");
        for (var round = 0; round < 4; round++)
        {
            // A fresh repository each round, as after `rm -rf .nuke/temp/release-records.git` with its anchor (else that is a rewrite).
            if (Directory.Exists(repository)) Directory.Delete(repository, recursive: true);
            if (Directory.Exists(world.PathOf(".nuke/release-records-anchors"))) Directory.Delete(world.PathOf(".nuke/release-records-anchors"), recursive: true);
            var at = new WorldRun(DefaultRecords: true, At: world.Now.AddMinutes(round + 1));
            var runs = await Task.WhenAll(
                world.RunAsync(at, "OpenRelease", "--voter", "release.manager@example.com"),
                world.RunAsync(at, "ReleaseNotes", "--voter", "release.manager@example.com"),
                world.RunAsync(at with { At = at.At!.Value.AddSeconds(1) }, "OpenRelease", "ReleaseNotes", "--voter", "release.manager@example.com"));
            foreach (var run in runs) run.Succeeded();
            Assert.That(await GitCli.RunAsync(repository, ["show", "main:releases/director-0.1.0.json"]), Does.Contain("\"created\""), $"round {round + 1}");
        }
        Assert.That(Directory.GetDirectories(world.PathOf(".nuke/temp"), ".release-records-*"), Is.Empty, "no half-made repository is left behind");
    }

    [Test]
    public async Task A_records_repository_made_with_git_init_bare_where_the_default_branch_is_master_keeps_every_record()
    {
        using var world = await ReleaseWorld.CreateAsync(Registry);
        using var master = new Release.Testing.TempDirectory("records-master");
        await GitCli.RunAsync(master.Path, ["-c", "init.defaultBranch=master", "init", "-q", "--bare"]);
        string[] records = ["--release-records", master.Path];

        (await world.RunAsync(new WorldRun(DefaultRecords: true), ["Clone", "Version", "OpenRelease", "--voter", "release.manager@example.com", .. records])).Succeeded();
        (await world.RunAsync(new WorldRun(DefaultRecords: true), ["Vote", "--release", "0.1.0", "--role", "sre", "--decision", "nogo", "--reason", "not yet", "--voter", "sre@example.com", .. records])).Succeeded();
        (await world.RunAsync(new WorldRun(DefaultRecords: true), ["Vote", "--release", "0.1.0", "--role", "qa", "--decision", "nogo", "--reason", "not yet", "--voter", "qa@example.com", .. records])).Succeeded();

        Assert.That(await GitCli.RunAsync(master.Path, ["show", "main:releases/director-0.1.0.json"]),
            Does.Contain("\"voter\": \"sre@example.com\"").And.Contain("\"voter\": \"qa@example.com\""));
        (await world.RunAsync(new WorldRun(DefaultRecords: true), ["GateStatus", "--release", "0.1.0", .. records])).Succeeded();
    }

    [Test]
    public async Task In_CI_the_job_local_default_repository_is_refused_at_once_naming_RELEASE_RECORDS()
    {
        using var world = await ReleaseWorld.CreateAsync(Registry);
        foreach (var variable in new[] { "CI", "GITLAB_CI", "TF_BUILD" })
        {
            var run = await world.RunAsync(new WorldRun(DefaultRecords: true, Environment: new Dictionary<string, string> { [variable] = "true" }),
                "Clone", "Version", "OpenRelease", "--voter", "release.manager@example.com");
            Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
            Assert.That(run.Output, Does.Contain($"runs in CI ({variable} is set)").And.Contain("Set the CI variable RELEASE_RECORDS"));
        }
        Assert.That(Directory.Exists(world.PathOf(".nuke/temp/release-records.git")), Is.False);
    }
}
