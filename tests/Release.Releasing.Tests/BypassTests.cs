using Release.Releasing.Tests.Support;
using Release.Testing.Git;
using Release.Testing.Registry;

namespace Release.Releasing.Tests;

/// <summary>Every bypass is refused with a clear message and a non-zero exit, and leaves the release record as it was.</summary>
[NonParallelizable]
public class BypassTests : RegistryTestBase
{
    // Opened, measured, on staging and pre-prod (promoted in one go); no votes yet.
    private async Task<ReleaseWorld> ReadyForVotesAsync()
    {
        var world = await ReleaseWorld.CreateAsync(Registry);
        await world.OpenAsync();
        await world.StageOutputsAsync("bypass image " + Guid.NewGuid());
        (await world.RunAsync("ReleaseNotes", "QualityGate")).Succeeded();
        (await world.RunAsync("Promote", "--release", "0.1.0", "--to", "staging,pre-prod", "--voter", "ops@example.com")).Succeeded();
        return world;
    }

    [Test]
    public async Task An_author_cannot_approve_their_own_release()
    {
        using var world = await ReadyForVotesAsync();
        var before = await world.RecordCommitsAsync();
        (await world.RunAsync("Vote", "--release", "0.1.0", "--role", "module-lead", "--decision", "go", "--voter", ReleaseWorld.Alice.Email))
            .Refused("Go by alice@example.com (ModuleLead) on release director-0.1.0", "authored changes in this release", "another ModuleLead must vote", "nothing was recorded");
        (await world.RunAsync("Vote", "--release", "0.1.0", "--role", "sre", "--decision", "go", "--voter", "release.manager@example.com"))
            .Refused("triggered this release and cannot approve it");
        Assert.That(await world.RecordCommitsAsync(), Is.EqualTo(before), "refused votes change nothing");
        // Raising a concern is always allowed, even for an author.
        (await world.RunAsync("Vote", "--release", "0.1.0", "--role", "module-lead", "--decision", "nogo", "--reason", "found a bug", "--voter", ReleaseWorld.Alice.Email)).Succeeded();
    }

    [Test]
    public async Task A_missing_role_blocks_the_blessing()
    {
        using var world = await ReadyForVotesAsync();
        foreach (var (role, voter) in new[] { ("module-lead", "lead@example.com"), ("sre", "sre@example.com"), ("qa", "qa@example.com") })
            (await world.RunAsync("Vote", "--release", "0.1.0", "--role", role, "--decision", "go", "--voter", voter)).Succeeded();
        (await world.RunAsync("Bless", "--release", "0.1.0", "--voter", "lead@example.com"))
            .Refused("release director-0.1.0 cannot be blessed", "no Go yet from: ProductManagement", "Checklist item 'dr-plan-drafted' (Sre) not satisfied");
        Assert.That(await world.RecordAsync("director-0.1.0"), Does.Not.Contain("\"blessed\""));
    }

    [Test]
    public async Task Only_a_green_QA_run_on_pre_prod_with_the_release_after_it_got_there_is_QA_evidence()
    {
        using var world = await ReadyForVotesAsync();
        await world.VoteAndAttestAsync("0.1.0", attestQaSuite: false);
        const string qaItem = "Checklist item 'qa-suite-preprod'";
        // The summary StageOutputs left (a local run) names no environment.
        (await world.RunAsync("Bless", "--release", "0.1.0", "--voter", "lead@example.com")).Refused(qaItem);
        await world.IntegratedAsync("staging", world.PushedDigest);
        (await world.RunAsync("Bless", "--release", "0.1.0", "--voter", "lead@example.com")).Refused(qaItem);
        await world.IntegratedAsync("pre-prod", "sha256:" + new string('0', 64));
        (await world.RunAsync("Bless", "--release", "0.1.0", "--voter", "lead@example.com")).Refused(qaItem);
        Assert.That(await world.RecordAsync("director-0.1.0"), Does.Not.Contain("\"blessed\""));

        await world.IntegratedAsync("pre-prod", world.PushedDigest);
        (await world.RunAsync("Bless", "--release", "0.1.0", "--voter", "lead@example.com")).Succeeded();
    }

    [Test]
    public async Task A_NoGo_vetoes_the_release_and_production_refuses_the_unblessed_digest()
    {
        using var world = await ReadyForVotesAsync();
        await world.VoteAndAttestAsync("0.1.0");
        (await world.RunAsync("Vote", "--release", "0.1.0", "--role", "sre", "--decision", "nogo", "--voter", "sre@example.com")).Refused("has no reason");
        (await world.RunAsync("Vote", "--release", "0.1.0", "--role", "sre", "--decision", "nogo", "--reason", "DR plan not tested", "--voter", "sre@example.com")).Succeeded();
        (await world.RunAsync("Bless", "--release", "0.1.0", "--voter", "lead@example.com"))
            .Refused("Gate 'production': NoGo from sre@example.com (Sre): DR plan not tested");
        (await world.RunAsync("Promote", "--release", "0.1.0", "--to", "production", "--voter", "ops@example.com"))
            .Refused("Unblessed digest: 'production' accepts only blessed releases", world.PushedDigest);
        using var client = Registry.CreateClient();
        Assert.That(await client.ListTagsAsync("production/director").ContinueWith(t => t.IsFaulted ? [] : t.Result), Is.Empty, "nothing reached production's repository");
        Assert.That(await client.ListTagsAsync("production/charts/director").ContinueWith(t => t.IsFaulted ? [] : t.Result), Is.Empty, "nor production's chart repository");

        // The unblessed digests went through GitOps to staging and pre-prod, and never into production's environment repository.
        Assert.That(await world.GitopsFileAsync(world.Environments, "pre-prod", "values-configmap.yaml"), Does.Contain(world.PushedDigest));
        var production = await world.GitopsHistoryAsync(world.Production);
        Assert.That(production, Does.Not.Contain(world.PushedDigest).And.Not.Contain(world.ChartDigest).And.Not.Contain("environments/production"));
        Assert.That(await GitCli.RunAsync(world.Production.Path, ["rev-list", "--count", "main"]), Is.EqualTo("1"), "only the repository's initial commit");
    }

    [Test]
    public async Task A_second_role_for_the_same_person_and_an_unknown_role_are_refused()
    {
        using var world = await ReadyForVotesAsync();
        (await world.RunAsync("Vote", "--release", "0.1.0", "--role", "sre", "--decision", "go", "--voter", "sam@example.com")).Succeeded();
        (await world.RunAsync("Vote", "--release", "0.1.0", "--role", "qa", "--decision", "go", "--voter", "SAM@example.com"))
            .Refused("already voted as Sre on this release; one person fills one role per release");
        (await world.RunAsync("Vote", "--release", "0.1.0", "--role", "security", "--decision", "go", "--voter", "sec@example.com"))
            .Refused("role security does not vote at this gate", "ModuleLead, Sre, Qa, ProductManagement");
        (await world.RunAsync("Vote", "--release", "9.9.9", "--role", "sre", "--decision", "go", "--voter", "sre@example.com"))
            .Refused("release director-9.9.9 has no record");
    }

    [Test]
    public async Task An_attestation_is_accepted_only_from_the_role_that_owns_the_item()
    {
        using var world = await ReadyForVotesAsync();
        (await world.RunAsync("Vote", "--release", "0.1.0", "--role", "qa", "--decision", "go", "--voter", "qa@example.com")).Succeeded();
        var before = await world.RecordCommitsAsync();

        // Someone acting as Qa attests an Sre item.
        (await world.RunAsync("Attest", "--release", "0.1.0", "--item", "dr-plan-drafted", "--text", "DR: https://wiki.example.com/dr", "--voter", "qa@example.com"))
            .Refused("Attestation of 'dr-plan-drafted' on release director-0.1.0 by qa@example.com as Qa refused", "belongs to the Sre checklist",
                "./build.sh Attest --item dr-plan-drafted --role Sre", "nothing was recorded");
        // ... and then claims to be the Sre.
        (await world.RunAsync("Attest", "--release", "0.1.0", "--item", "dr-plan-drafted", "--role", "sre", "--text", "DR: https://wiki.example.com/dr", "--voter", "qa@example.com"))
            .Refused("already voted as Qa on this release; one person fills one role per release");
        // Someone acting in no role, without --role.
        (await world.RunAsync("Attest", "--release", "0.1.0", "--item", "on-call-named", "--text", "on-call: team-a", "--voter", "sre@example.com"))
            .Refused("names no role", "belongs to the Sre checklist", "--role Sre");
        // The author of the release's change, and whoever triggered it, in the owning role.
        (await world.RunAsync("Attest", "--release", "0.1.0", "--item", "special-deployment-provisions", "--role", "module-lead", "--text", "none", "--voter", ReleaseWorld.Alice.Email))
            .Refused("authored or committed changes in this release and cannot attest items that gate it", "another ModuleLead must attest");
        (await world.RunAsync("Attest", "--release", "0.1.0", "--item", "release-notes-ready", "--role", "product-management", "--text", "notes", "--voter", "release.manager@example.com"))
            .Refused("triggered this release and cannot attest");
        // An item only the pipeline can prove, and one no gate has.
        (await world.RunAsync("Attest", "--release", "0.1.0", "--item", "unit-tests-captured", "--role", "module-lead", "--text", "trust me", "--voter", "lead@example.com"))
            .Refused("can only be satisfied by pipeline evidence 'unit-tests'");
        (await world.RunAsync("Attest", "--release", "0.1.0", "--item", "dr-plan", "--role", "sre", "--text", "x", "--voter", "sre@example.com"))
            .Refused("'dr-plan' is on no gate's checklist", "dr-plan-drafted");
        Assert.That(await world.RecordCommitsAsync(), Is.EqualTo(before), "refused attestations change nothing");

        // The Sre attests in person; their role is recorded, and a later vote in another role is refused.
        (await world.RunAsync("Attest", "--release", "0.1.0", "--item", "dr-plan-drafted", "--role", "sre", "--text", "DR: https://wiki.example.com/dr", "--voter", "sre@example.com")).Succeeded();
        Assert.That(await world.RecordAsync("director-0.1.0"), Does.Contain("\"itemKey\": \"dr-plan-drafted\"").And.Contain("\"role\": \"Sre\""));
        (await world.RunAsync("Vote", "--release", "0.1.0", "--role", "product-management", "--decision", "go", "--voter", "sre@example.com"))
            .Refused("already attested 'dr-plan-drafted' as Sre on this release");
        Assert.That((await world.RunAsync("GateStatus", "--release", "0.1.0")).Succeeded().Output, Does.Not.Contain("'dr-plan-drafted' (Sre) not satisfied"));
    }

    [Test]
    public async Task Votes_outside_the_window_and_ignore_window_for_production_are_refused()
    {
        using var world = await ReadyForVotesAsync();
        world.SetClock(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)); // 17:30 IST
        (await world.RunAsync("Vote", "--release", "0.1.0", "--role", "sre", "--decision", "go", "--voter", "sre@example.com"))
            .Refused("outside the voting window Mon/Tue/Wed/Thu/Fri 16:00-17:00 Asia/Kolkata");
        (await world.RunAsync("Vote", "--release", "0.1.0", "--role", "sre", "--decision", "go", "--voter", "sre@example.com", "--ignore-window"))
            .Refused("--ignore-window is not allowed for 'production'");
    }

    [Test]
    public async Task A_release_that_misses_its_channel_is_not_releasable()
    {
        using var world = await ReleaseWorld.CreateAsync(Registry);
        await world.OpenAsync();
        await world.StageOutputsAsync("failing image", failedTests: 3, lineCoverage: 40);
        (await world.RunAsync("QualityGate"))
            .Refused("0.1.0 is not releasable", "Stable: unit test pass rate is 97.56% (3 failed of 123)", "Alpha: unit test pass rate", "Stable: line coverage is 40%, required >= 80%");
        Assert.That(File.ReadAllText(world.PathOf("artifacts/release/channel.json")), Does.Contain("\"releasable\": false"));

        // Passing tests but low coverage: beta is missed too, alpha is chosen, and blessing needs stable.
        await world.StageOutputsAsync("alpha image", lineCoverage: 40);
        (await world.RunAsync("QualityGate")).Succeeded();
        Assert.That(File.ReadAllText(world.PathOf("artifacts/release/channel.json")), Does.Contain("\"channel\": \"Alpha\""));
        await world.VoteAndAttestAsync("0.1.0", attestQaSuite: false); // not on pre-prod: the channel refusal comes first
        (await world.RunAsync("Bless", "--release", "0.1.0", "--voter", "lead@example.com")).Refused("QualityGate chose Alpha for 0.1.0; blessing needs Stable");
    }

    [Test]
    public async Task A_version_cannot_be_overwritten_by_another_build()
    {
        using var world = await ReleaseWorld.CreateAsync(Registry);
        await world.OpenAsync();
        using var other = await TempGitRepository.CreateAsync();
        other.WriteFile("samples/director/app.txt", "other\n");
        await other.CommitAsync("feat: a different first version", ReleaseWorld.Alice);
        var before = await world.RecordCommitsAsync();
        (await world.RunAsync("Clone", "OpenRelease", "--voter", "x@example.com", "--source-repository", other.Path))
            .Refused("release director-0.1.0 already exists", "Overwritten version refused");
        Assert.That(await world.RecordCommitsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_secret_is_never_written_into_the_record_and_a_rewritten_record_is_detected()
    {
        using var world = await ReadyForVotesAsync();
        var before = await world.RecordCommitsAsync();
        (await world.RunAsync("Vote", "--release", "0.1.0", "--role", "sre", "--decision", "nogo", "--reason", "token s3cr3t-Value-42 leaked",
                "--voter", "sre@example.com", "--registry-password", "s3cr3t-Value-42"))
            .Refused("contains a secret value of this build; it was not recorded");
        Assert.That(await world.RecordCommitsAsync(), Is.EqualTo(before));
        Assert.That(await world.RecordAsync("director-0.1.0"), Does.Not.Contain("s3cr3t"));

        // Someone edits an earlier event directly in the records repository: every later command names the commit.
        using var clone = await TempGitRepository.CloneAsync(world.Records.Path);
        var file = Path.Combine(clone.Path, "releases/director-0.1.0.json");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("\"environment\": \"staging\"", "\"environment\": \"pre-prod\""));
        await clone.CommitAsync("fix record");
        await clone.GitAsync(["push", "-q", "origin", "HEAD:main"]);
        (await world.RunAsync("Vote", "--release", "0.1.0", "--role", "sre", "--decision", "go", "--voter", "sre@example.com"))
            .Refused("Release record releases/director-0.1.0.json", "was rewritten by commit", "was changed", "revert that commit");
    }
}
