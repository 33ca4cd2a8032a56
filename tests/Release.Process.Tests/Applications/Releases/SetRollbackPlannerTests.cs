using Release.Process.Applications.Releases;
using Release.Process.Promotion;
using static Release.Process.Tests.Applications.Releases.SetFixture;

namespace Release.Process.Tests.Applications.Releases;

public class SetRollbackPlannerTests
{
    private readonly SetRollbackPlanner _planner = new(Chain(), Sample());

    // 1.1.0 changed the ledger and the gateway; both blessed and in production.
    private static ReleaseManifest Third() =>
        ReleaseManifest.Create("shop", V("1.2.0"), [Pin("director", "1.0.0", 'a'), Pin("ledger", "2.1.0", '1'), Pin("gateway", "0.4.0", '3')]);

    [Test]
    public void Production_goes_back_to_the_previous_blessed_set_dependents_first_where_addresses_stay()
    {
        var first = First();
        var third = ReleaseManifest.Create("shop", V("1.1.0"), [Pin("director", "1.0.0", 'a'), Pin("ledger", "2.1.0", '1'), Pin("gateway", "0.4.0", '3')]);
        var history = new[] { Deployed("production", first, 1), Deployed("production", third, 2) };
        var plan = _planner.Plan("production", history, [Blessed(first), Blessed(third)]);
        Assert.Multiple(() =>
        {
            Assert.That(plan.From.Digest, Is.EqualTo(third.Digest));
            Assert.That(plan.To.Digest, Is.EqualTo(first.Digest));
            Assert.That(plan.Rollout.Changed, Is.EqualTo(new[] { "ledger", "gateway" }));
            Assert.That(plan.Waves, Is.EqualTo(new[] { new[] { "gateway" }, new[] { "ledger" } }));
            Assert.That(plan.Command, Is.EqualTo("./build.sh Rollback --environment production --to 1.0.0"));
        });
    }

    [Test]
    public void Where_addresses_move_modules_go_back_dependencies_first_and_their_callers_follow()
    {
        var history = new[] { Deployed("staging-eu", First(), 1), Deployed("staging-eu", Second(), 2) };
        var plan = _planner.Plan("staging-eu", history, [], addressesMove: true);
        Assert.That(plan.Waves, Is.EqualTo(new[] { new[] { "ledger" }, new[] { "gateway" } }));
    }

    [Test]
    public void A_named_version_is_restored_and_an_unblessed_one_is_refused_in_production()
    {
        var history = new[] { Deployed("production", First(), 1), Deployed("production", Second(), 2), Deployed("production", Third(), 3) };
        var plan = _planner.Plan("production", history, [Blessed(First()), Blessed(Second()), Blessed(Third())], V("1.0.0"));
        Assert.That(plan.To.Version.ToString(), Is.EqualTo("1.0.0"));
        Assert.That(plan.Waves.SelectMany(w => w), Is.EqualTo(new[] { "gateway", "ledger" }));

        var error = Assert.Throws<PromotionRefusedException>(() => _planner.Plan("production", history, [Blessed(First()), Blessed(Third())], V("1.1.0")));
        Assert.That(error!.Message, Does.Contain("Cannot roll 'production' back to 1.1.0").And.Contain("as a blessed release").And.Contain("Eligible versions: 1.0.0"));
    }

    [Test]
    public void Nothing_earlier_an_unknown_environment_and_a_set_missing_a_module_are_refused()
    {
        Assert.That(Assert.Throws<PromotionRefusedException>(() => _planner.Plan("production", [Deployed("production", First(), 1)], [Blessed(First())]))!.Message,
            Does.Contain("No previous blessed release was deployed to 'production'"));
        Assert.That(Assert.Throws<PromotionRefusedException>(() => _planner.Plan("prod", [], []))!.Message,
            Does.StartWith("--environment: 'prod' is not in the promotion chain"));
        var twoModules = ReleaseManifest.Create("shop", V("0.9.0"), [Pin("director", "0.9.0", '7'), Pin("ledger", "1.9.0", '5')]);
        var history = new[] { Deployed("staging-eu", twoModules, 1), Deployed("staging-eu", First(), 2) };
        Assert.That(Assert.Throws<PromotionRefusedException>(() => _planner.Plan("staging-eu", history, []))!.Message,
            Does.Contain("does not pin 'gateway'"));
    }
}
