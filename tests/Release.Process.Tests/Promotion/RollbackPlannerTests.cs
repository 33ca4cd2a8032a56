using Release.Process.Promotion;
using static Release.Process.Tests.Promotion.PromotionFixture;

namespace Release.Process.Tests.Promotion;

public class RollbackPlannerTests
{
    private readonly RollbackPlanner _planner = new(EnvironmentChain.Default());

    private static readonly IReadOnlyList<Deployment> History =
    [
        Deployed("production", "1.2.0", 'a', 1),
        Deployed("production", "1.3.0", 'b', 2),
        Deployed("production", "1.3.1", 'd', 3),   // never blessed (deployed before the rule existed)
        Deployed("staging", "1.5.0", 'e', 4),
        Deployed("production", "1.4.0", 'c', 5),
    ];

    private static readonly IReadOnlyList<BlessedRelease> BlessedReleases = [Blessed("1.2.0", 'a'), Blessed("1.3.0", 'b'), Blessed("1.4.0", 'c')];

    [Test]
    public void Production_rolls_back_to_the_previous_blessed_release()
    {
        var plan = _planner.Plan("production", History, BlessedReleases);
        Assert.That(plan.FromVersion.ToString(), Is.EqualTo("1.4.0"));
        Assert.That(plan.To.Version.ToString(), Is.EqualTo("1.3.0"));
        Assert.That(plan.To.ImageDigest.Value, Is.EqualTo(Digest('b')));
        Assert.That(plan.Command, Is.EqualTo("./build.sh Rollback --environment production --to 1.3.0"));
    }

    [Test]
    public void An_explicit_target_must_be_an_earlier_blessed_deployment()
    {
        Assert.That(_planner.Plan("production", History, BlessedReleases, V("1.2.0")).To.Version.ToString(), Is.EqualTo("1.2.0"));
        var error = Assert.Throws<PromotionRefusedException>(() => _planner.Plan("production", History, BlessedReleases, V("1.3.1")));
        Assert.That(error!.Message, Does.Contain("1.3.1").And.Contain("blessed").And.Contain("Eligible versions: 1.3.0, 1.2.0"));
    }

    [Test]
    public void No_previous_blessed_release_is_a_clear_error()
    {
        var error = Assert.Throws<PromotionRefusedException>(() => _planner.Plan("production", [Deployed("production", "1.0.0", 'a', 1)], [Blessed("1.0.0", 'a')]));
        Assert.That(error!.Message, Does.Contain("No previous blessed release").And.Contain("'production'").And.Contain("1.0.0"));
        Assert.That(Assert.Throws<PromotionRefusedException>(() => _planner.Plan("pre-prod", History, BlessedReleases))!.Message, Does.Contain("Nothing was ever deployed"));
    }

    [Test]
    public void Environments_without_blessing_roll_back_to_any_previous_version()
    {
        var history = new[] { Deployed("staging", "1.5.0-beta.1", 'e', 1), Deployed("staging", "1.5.0-beta.2", 'f', 2) };
        Assert.That(_planner.Plan("staging", history, []).To.Version.ToString(), Is.EqualTo("1.5.0-beta.1"));
    }

    [Test]
    public void Rolling_back_again_goes_further_back_never_forward_to_the_release_rolled_back_from()
    {
        // 1.4.0 was rolled back to 1.3.0 (recorded as a deployment of 1.3.0): the next rollback goes to 1.2.0, not to 1.4.0.
        var history = History.Append(Deployed("production", "1.3.0", 'b', 6)).ToArray();

        var plan = _planner.Plan("production", history, BlessedReleases);

        Assert.That(plan.FromVersion.ToString(), Is.EqualTo("1.3.0"));
        Assert.That(plan.To.Version.ToString(), Is.EqualTo("1.2.0"));
        Assert.That(plan.To.ImageDigest.Value, Is.EqualTo(Digest('a')));
    }

    [Test]
    public void Rolling_back_past_the_first_release_is_refused_naming_the_versions_one_can_still_choose()
    {
        var history = new[] { Deployed("staging", "1.0.0", 'a', 1), Deployed("staging", "1.1.0", 'b', 2), Deployed("staging", "1.0.0", 'a', 3) };

        var error = Assert.Throws<PromotionRefusedException>(() => _planner.Plan("staging", history, []));

        Assert.That(error!.Message, Does.Contain("No previous release was deployed to 'staging' before 1.0.0").And.Contain("--to (1.1.0)"));
        Assert.That(_planner.Plan("staging", history, [], V("1.1.0")).To.Version.ToString(), Is.EqualTo("1.1.0"), "an explicit --to may still choose it");
    }
}
