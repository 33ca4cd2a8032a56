namespace Ledger.Tests;

public class DeploymentLedgerTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void Deployments_are_numbered_in_order_and_listed_per_environment()
    {
        var ledger = new DeploymentLedger(new FixedClock(Noon));
        ledger.Record(new("director", "staging", "1.2.0"));
        ledger.Record(new("gateway", "production", "2.0.0"));
        ledger.Record(new("gateway", "staging", "2.0.1"));

        var staging = ledger.List("STAGING");
        Assert.That(staging.Select(r => (r.Sequence, r.Module, r.Version)), Is.EqualTo(new[] { (1L, "director", "1.2.0"), (3L, "gateway", "2.0.1") }));
        Assert.That(staging[0].At, Is.EqualTo(Noon));
        Assert.That(ledger.List(null), Has.Count.EqualTo(3));
    }

    [Test]
    public void A_deployment_missing_fields_is_refused_naming_them()
    {
        var ledger = new DeploymentLedger(new FixedClock(Noon));
        var (record, problem) = ledger.Record(new("gateway", " ", null));
        Assert.That(record, Is.Null);
        Assert.That(problem, Is.EqualTo("A deployment needs environment, version."));
        Assert.That(ledger.List(null), Is.Empty);
    }
}
