using Release.Process.Applications.Releases;
using Release.Process.Promotion;
using static Release.Process.Tests.Applications.Releases.SetFixture;

namespace Release.Process.Tests.Applications.Releases;

public class BatchPromotionPlannerTests
{
    private readonly BatchPromotionPlanner _planner = new(Chain(), Sample());

    private static SetDeployment[] FirstEverywhere() =>
        [Deployed("staging-eu", First(), 1), Deployed("staging-us", First(), 1), Deployed("pre-prod", First(), 2), Deployed("production", First(), 3)];

    [Test]
    public void A_group_is_one_batch_under_one_approval_naming_the_set_and_every_environment()
    {
        var plan = _planner.Plan(new SetPromotionRequest(First(), ["staging-us", "staging-eu"]), [], []);
        Assert.Multiple(() =>
        {
            Assert.That(plan.Step.Name, Is.EqualTo("staging"));
            Assert.That(plan.Environments.Select(e => e.Environment), Is.EqualTo(new[] { "staging-eu", "staging-us" }));
            Assert.That(plan.Approval, Is.EqualTo($"promote shop 1.0.0 (set {First().Digest}) to staging-eu, staging-us (step staging)"));
            Assert.That(plan.Environments.All(e => e.Running is null), Is.True);
            Assert.That(plan.Environments[0].Rollout.Waves, Is.EqualTo(new[] { new[] { "director", "ledger" }, new[] { "gateway" } }));
        });
    }

    [Test]
    public void Each_environment_changes_only_the_modules_whose_pin_differs_from_the_set_it_runs()
    {
        var history = FirstEverywhere().Append(Deployed("staging-eu", Second(), 4)).ToArray();
        var plan = _planner.Plan(new SetPromotionRequest(Second(), ["staging-eu", "staging-us"]), [], history);
        Assert.That(plan.Environments.Select(e => e.Running!.Version.ToString()), Is.EqualTo(new[] { "1.1.0", "1.0.0" }));
        Assert.That(plan.Environments[0].Rollout.Changed, Is.Empty);
        Assert.That(plan.Environments[1].Rollout.Changed, Is.EqualTo(new[] { "ledger" }));
        Assert.That(plan.Environments[1].Rollout.ReasonFor("ledger"), Does.Contain("2.1.0").And.Contain("runs 2.0.0"));
    }

    [Test]
    public void A_batch_mixing_environments_of_different_steps_is_refused_with_the_first_step_to_promote()
    {
        var error = Assert.Throws<PromotionRefusedException>(() =>
            _planner.Plan(new SetPromotionRequest(First(), ["pre-prod", "staging-eu"]), [], []));
        Assert.That(error!.Problems.Single(), Does.StartWith("--to pre-prod,staging-eu: a batch takes the environments of one step of the chain")
            .And.Contain("step 'staging' (staging-eu), step 'pre-prod' (pre-prod)").And.EndWith("first --to staging-eu."));
    }

    [Test]
    public void A_step_before_the_previous_step_holds_the_set_in_every_environment_is_refused()
    {
        var error = Assert.Throws<PromotionRefusedException>(() =>
            _planner.Plan(new SetPromotionRequest(First(), ["pre-prod"]), [], [Deployed("staging-eu", First(), 1)]));
        Assert.That(error!.Problems.Single(), Does.Contain("before step 'staging' holds it (staging-us never ran this set): promote it --to staging-us first"));
        var toProduction = Assert.Throws<PromotionRefusedException>(() =>
            _planner.Plan(new SetPromotionRequest(First(), ["production"]), [Blessed(First())], [Deployed("staging-eu", First(), 1), Deployed("staging-us", First(), 1)]));
        Assert.That(toProduction!.Problems.Single(), Does.Contain("before step 'pre-prod' holds it"));
    }

    [Test]
    public void Production_takes_only_a_blessed_set()
    {
        var history = FirstEverywhere()[..3];
        var error = Assert.Throws<PromotionRefusedException>(() => _planner.Plan(new SetPromotionRequest(First(), ["production"]), [], history));
        Assert.That(error!.Problems.Single(), Does.StartWith("Unblessed set: step 'production' takes only blessed releases"));
        Assert.That(_planner.Plan(new SetPromotionRequest(First(), ["production"]), [Blessed(First())], history).Environments.Single().Environment,
            Is.EqualTo("production"));
    }

    [Test]
    public void A_set_with_a_module_digest_other_than_the_blessed_one_is_refused_naming_the_module()
    {
        var tampered = ReleaseManifest.Create("shop", V("1.0.0"), First().Modules.Select(p => p.Module == "gateway" ? Pin("gateway", "0.3.0", '5') : p));
        var history = new[] { Deployed("staging-eu", tampered, 1), Deployed("staging-us", tampered, 1), Deployed("pre-prod", tampered, 2) };
        var error = Assert.Throws<PromotionRefusedException>(() => _planner.Plan(new SetPromotionRequest(tampered, ["production"]), [Blessed(First())], history));
        Assert.That(error!.Problems, Has.Some.StartsWith("Module 'gateway': 0.3.0 (image " + Hex('5'))
            .And.Some.Contains("is not what the blessing recorded (0.3.0 (image " + Hex('e')));
        Assert.That(error.Problems, Has.Some.StartsWith("Overwritten version: shop 1.0.0 was already blessed as set " + First().Digest));
        Assert.That(error.Problems, Has.None.Contains("'director'"));
    }

    [Test]
    public void Unknown_environments_no_environment_and_a_set_missing_a_module_are_refused()
    {
        Assert.That(Assert.Throws<PromotionRefusedException>(() => _planner.Plan(new SetPromotionRequest(First(), ["staging-asia"]), [], []))!.Message,
            Does.Contain("--to: environment 'staging-asia' is not in the promotion chain (staging (staging-eu, staging-us) -> pre-prod -> production)"));
        Assert.That(Assert.Throws<PromotionRefusedException>(() => _planner.Plan(new SetPromotionRequest(First(), []), [], []))!.Message,
            Does.Contain("names no environment"));
        var partial = ReleaseManifest.Create("shop", V("1.0.0"), First().Modules.Where(p => p.Module != "ledger"));
        Assert.That(Assert.Throws<PromotionRefusedException>(() => _planner.Plan(new SetPromotionRequest(partial, ["staging-eu"]), [], []))!.Message,
            Does.Contain("does not pin module 'ledger'"));
    }

    [Test]
    public void Where_addresses_move_the_modules_calling_a_changed_one_are_redeployed()
    {
        var history = FirstEverywhere();
        var plan = _planner.Plan(new SetPromotionRequest(Second(), ["staging-eu"]), [], history, addressesMove: e => e == "staging-eu");
        Assert.That(plan.Environments.Single().Rollout.Changed, Is.EqualTo(new[] { "ledger", "gateway" }));
    }
}
