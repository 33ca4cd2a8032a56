using Release.Process.Applications.Releases;
using static Release.Process.Tests.Applications.Releases.SetFixture;

namespace Release.Process.Tests.Applications.Releases;

public class BatchOutcomeTests
{
    private static BatchPlan Batch(bool partial)
    {
        var history = new[] { Deployed("staging-eu", First(), 1), Deployed("staging-us", First(), 1) };
        return new BatchPromotionPlanner(Chain(partial), Sample()).Plan(new SetPromotionRequest(Second(), ["staging-eu", "staging-us"]), [], history);
    }

    [Test]
    public void Every_environment_succeeding_keeps_the_new_set()
    {
        var outcome = BatchOutcome.Decide(Batch(partial: false), new Dictionary<string, string?> { ["staging-eu"] = null, ["staging-us"] = null });
        Assert.That(outcome.Succeeded, Is.True);
        Assert.That(outcome.ToRestore, Is.Empty);
        Assert.That(outcome.Report, Is.EqualTo(new[] { $"staging-eu: promoted to {Second().Title}", $"staging-us: promoted to {Second().Title}" }));
    }

    [Test]
    public void One_failure_puts_every_environment_of_the_batch_back_by_default()
    {
        var outcome = BatchOutcome.Decide(Batch(partial: false),
            new Dictionary<string, string?> { ["staging-eu"] = null, ["staging-us"] = "ledger not healthy after 60 s" });
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Succeeded, Is.False);
            Assert.That(outcome.Environments.Select(e => e.Result), Is.EqualTo(new[] { BatchResult.Reverted, BatchResult.Failed }));
            Assert.That(outcome.ToRestore.Select(e => e.RestoreTo!.Digest), Is.EqualTo(new[] { First().Digest, First().Digest }));
            Assert.That(outcome.Report[0], Does.StartWith("staging-eu: reverted (the batch failed in staging-us and step 'staging' does not allow partial success)"));
            Assert.That(outcome.Report[1], Is.EqualTo($"staging-us: FAILED (ledger not healthy after 60 s); back on {First().Title}"));
        });
    }

    [Test]
    public void Where_the_group_allows_partial_success_only_the_failed_environment_goes_back()
    {
        var outcome = BatchOutcome.Decide(Batch(partial: true),
            new Dictionary<string, string?> { ["staging-eu"] = null, ["staging-us"] = "push refused" });
        Assert.That(outcome.Environments.Select(e => e.Result), Is.EqualTo(new[] { BatchResult.Promoted, BatchResult.Failed }));
        Assert.That(outcome.ToRestore.Single().Environment, Is.EqualTo("staging-us"));
    }

    [Test]
    public void Every_environment_of_the_batch_needs_an_answer()
    {
        Assert.That(Assert.Throws<ArgumentException>(() => BatchOutcome.Decide(Batch(false), new Dictionary<string, string?> { ["staging-eu"] = null }))!.Message,
            Does.Contain("'staging-us'"));
    }
}
