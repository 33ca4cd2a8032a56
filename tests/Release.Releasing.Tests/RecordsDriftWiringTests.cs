using System.Text.Json;
using Release.Releasing.Tests.Support;
using Release.Testing.Git;

namespace Release.Releasing.Tests;

/// <summary>
/// Records drift end to end: a real signed records repository (the team's keys on the roster), a real GitOps repository
/// rendered from the configuration source, a real promotion to staging; then <c>./build.sh Drift</c> reads the verified
/// records into what was promoted where and compares the digest the repository pins.
/// </summary>
[NonParallelizable]
public class RecordsDriftWiringTests : RegistryTestBase
{
    private static Task<BuildRun> RunAsync(ReleaseWorld world, params string[] args) =>
        world.RunAsync<EnvironmentsReleaseBuild>(new WorldRun(), [.. args, "--environments-repository", world.Environments.Path]);

    [Test]
    public async Task A_digest_no_promotion_put_there_is_found_and_a_promoted_one_is_clean()
    {
        using var world = await ReleaseWorld.CreateAsync(Registry);
        world.Write("samples/director/Dockerfile", "FROM base");
        (await RunAsync(world, "RenderEnvironments")).Succeeded();
        await world.OpenAsync();
        await world.StageOutputsAsync("image one");
        var promoted = world.PushedDigest;
        (await world.RunAsync("ReleaseNotes", "QualityGate")).Succeeded();
        (await world.RunAsync("Promote", "--release", "0.1.0", "--to", "staging", "--voter", "ops@example.com")).Succeeded();
        Assert.That(await world.GitopsFileAsync(world.Environments, "staging", "image-values.yaml"), Does.Contain(promoted));

        var clean = (await RunAsync(world, "Drift")).Succeeded();
        Assert.That(clean.Output, Does.Contain("No drift in pre-prod, staging (checked: configuration, group, records, runtime)"));
        var report = JsonDocument.Parse(await File.ReadAllTextAsync(world.PathOf("artifacts/drift/drift.json"))).RootElement;
        Assert.That(report.GetProperty("kindsChecked").EnumerateArray().Select(k => k.GetString()), Does.Contain("records").And.Contain("runtime"));
        Assert.That(report.GetProperty("findings").GetArrayLength(), Is.Zero);

        // By hand, past Promote: a commit pinning an image no promotion recorded.
        const string byHand = "sha256:9999999999999999999999999999999999999999999999999999999999999999";
        using (var clone = await TempGitRepository.CloneAsync(world.Environments.Path))
        {
            var file = Path.Combine(clone.Path, "environments/staging/director/image-values.yaml");
            await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace(promoted, byHand, StringComparison.Ordinal));
            await clone.CommitAsync("hotfix by hand");
            await clone.GitAsync(["push", "-q", "origin", "HEAD:main"]);
        }

        var drifted = await RunAsync(world, "Drift");
        drifted.Refused("Drift: 1 finding(s) in staging", $"{byHand} (no promotion put it there)", "./build.sh Promote --release 0.1.0 --to staging");
        var finding = JsonDocument.Parse(await File.ReadAllTextAsync(world.PathOf("artifacts/drift/drift.json"))).RootElement.GetProperty("findings").EnumerateArray().Single();
        Assert.That(finding.GetProperty("kind").GetString(), Is.EqualTo("records"));
        Assert.That(finding.GetProperty("module").GetString(), Is.EqualTo("director"));
        Assert.That(finding.GetProperty("expected").GetString(), Is.EqualTo($"{promoted} (release 0.1.0)"));
    }
}
