using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Release.Releasing.Tests.Support;
using Release.Testing.Git;
using Release.Testing.Network;

namespace Release.Releasing.Tests;

/// <summary>
/// An automatic rollback of a GitOps environment remembered by the signed release records, not by the deploying
/// machine: with real git repositories (records, environments), a real registry, and a loopback server playing the
/// cluster (it serves the release staging's environment repository names, as Flux would apply it; release 0.2.0's
/// journey answers 500). Promote checks staging once it reports the new version; 0.2.0 fails, and a workspace that never
/// verified anything goes back to 0.1.0 by the records; the rollback is a signed, automatic event with the measurements,
/// Slack hears of it, and the evidence carries it under VerifyEvidence.
/// </summary>
[NonParallelizable]
public class AutomaticRollbackRecordsTests : RegistryTestBase
{
    // The cluster: the version is the one the latest commit of environments/staging/director names ("Version: X").
    private static LoopbackHttpServer Cluster(TempBareRemote environments, List<string> served) => LoopbackHttpServer.Start(async context =>
    {
        string version;
        try
        {
            var message = await GitCli.RunAsync(environments.Path, ["log", "-1", "--format=%B", "main", "--", "environments/staging/director"]);
            version = Regex.Match(message, @"^Version: (\S+)", RegexOptions.Multiline).Groups[1].Value;
        }
        catch (InvalidOperationException)
        {
            version = "";
        }
        var path = context.Request.Url!.AbsolutePath;
        lock (served) served.Add($"{path} {version}");
        var (status, body) = path switch
        {
            "/version" => (200, $$"""{"version":"{{version}}"}"""),
            "/health" => (200, "Healthy"),
            "/journey" when version == "0.2.0" => (500, "director unreachable"),
            "/journey" => (200, "ok"),
            _ => (404, "not found"),
        };
        using var response = context.Response;
        response.StatusCode = status;
        var bytes = Encoding.UTF8.GetBytes(body);
        await response.OutputStream.WriteAsync(bytes);
    });

    [Test]
    public async Task A_promotion_whose_checks_fail_is_rolled_back_by_the_signed_records_recorded_as_automatic_and_verified_in_the_evidence()
    {
        using var world = await ReleaseWorld.CreateAsync(Registry);
        var served = new List<string>();
        await using var cluster = Cluster(world.Environments, served);
        await using var slack = new FakeSlack();
        var webhook = new Uri(new Uri(slack.ApiUrl), "/services/T000/B000/rollback-secret").ToString();
        var run = new WorldRun(Environment: new Dictionary<string, string> { ["TEST_CLUSTER_URL"] = cluster.BaseUrl.ToString().TrimEnd('/') });

        await world.OpenAsync();
        await world.StageOutputsAsync("image one " + Guid.NewGuid());
        var first = world.PushedDigest;
        (await world.RunAsync("QualityGate")).Succeeded();
        var good = (await world.RunAsync<VerifiedReleaseBuild>(run, "Promote", "--release", "0.1.0", "--to", "staging", "--voter", "ops@example.com")).Succeeded();
        Assert.That(good.Output, Does.Contain("'staging' reports 0.1.0").And.Contain("Sanity checks of director 0.1.0 in 'staging' passed: health, journey"));

        await world.Source.GitAsync(["tag", "v0.1.0"]);
        world.Source.WriteFile("samples/director/app.txt", "v2\n");
        await world.Source.CommitAsync("feat(api): a journey that breaks #2", ReleaseWorld.Alice);
        await world.OpenAsync();
        await world.StageOutputsAsync("image two " + Guid.NewGuid());
        (await world.RunAsync("QualityGate")).Succeeded();
        // A CI runner's fresh workspace: nothing this machine verified before.
        var local = world.PathOf(".nuke/temp");
        foreach (var state in Directory.Exists(local) ? Directory.GetDirectories(local, "verified", SearchOption.AllDirectories) : []) Directory.Delete(state, true);

        var failed = await world.RunAsync<VerifiedReleaseBuild>(run, "Promote", "--release", "0.2.0", "--to", "staging", "--voter", "ops@example.com",
            "--slack-webhook", webhook);

        failed.Refused("director 0.2.0 in 'staging'", "failed its sanity checks", "journey: GET /journey answered 500, expected 200; body: director unreachable",
            "the release records name director-0.1.0 as the release 'staging' ran before 0.2.0", "rolled back automatically to 0.1.0", "whose sanity checks pass");
        Assert.That(failed.Output, Does.Not.Contain("rollback-secret"));
        Assert.That(await world.GitopsHeadAsync(world.Environments), Does.StartWith("automatic-rollback\ndeploy(staging): director 0.1.0"));
        Assert.That(await world.GitopsFileAsync(world.Environments, "staging", "values-configmap.yaml"), Does.Contain(first));
        lock (served) Assert.That(served.Last(), Is.EqualTo("/journey 0.1.0"), "the restored release was checked once the cluster ran it");

        using (var record = JsonDocument.Parse(await world.RecordAsync("director-0.2.0")))
        {
            var events = record.RootElement.GetProperty("events").EnumerateArray().ToList();
            var rollback = events.Last();
            Assert.That(events[^2].GetProperty("event").GetString(), Is.EqualTo("promoted"), "the promotion is recorded, then its rollback");
            Assert.That((rollback.GetProperty("event").GetString(), rollback.GetProperty("environment").GetString(), rollback.GetProperty("toVersion").GetString(),
                rollback.GetProperty("automatic").GetBoolean(), rollback.GetProperty("reason").GetString()),
                Is.EqualTo(("rolledBack", "staging", "0.1.0", true, "its sanity checks failed")));
            Assert.That(rollback.GetProperty("measurements")[0].GetString(), Does.Contain("journey: GET /journey answered 500"));
            Assert.That(rollback.GetProperty("signature").GetString(), Does.StartWith("-----BEGIN SSH SIGNATURE-----"));
        }
        var notice = slack.Calls.Select(c => c.Json["text"]!.GetValue<string>()).ToList();
        Assert.That(notice, Is.EqualTo(new[] { "director 0.2.0 deployed to staging", "director staging rolled back from 0.2.0 to 0.1.0: its sanity checks failed" }));

        // The rollback is in the evidence, and VerifyEvidence covers it.
        (await world.RunAsync("Evidence", "--release", "0.2.0", "--voter", "release.manager@example.com")).Succeeded();
        (await world.RunAsync("VerifyEvidence", "--release", "0.2.0")).Succeeded();
        var bundled = world.PathOf("artifacts/evidence/0.2.0/record/release-record.json");
        var text = await File.ReadAllTextAsync(bundled);
        Assert.That(text, Does.Contain("\"automatic\": true").And.Contain("answered 500"));
        await File.WriteAllTextAsync(bundled, text.Replace("answered 500", "answered 200"));
        (await world.RunAsync("VerifyEvidence", "--release", "0.2.0")).Refused("NOT intact", "ChangedFile record/release-record.json");
    }
}
