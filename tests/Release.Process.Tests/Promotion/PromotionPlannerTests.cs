using Release.Process.Promotion;
using static Release.Process.Tests.Promotion.PromotionFixture;

namespace Release.Process.Tests.Promotion;

public class PromotionPlannerTests
{
    private readonly PromotionPlanner _planner = new(EnvironmentChain.Default());

    private static PromotionRequest Request(char digest, params string[] targets) =>
        new("director-1.4.0", V("1.4.0"), Digest(digest), targets);

    [Test]
    public void Several_environments_in_one_go_are_planned_in_chain_order()
    {
        var steps = _planner.Plan(Request('a', "production", "staging", "pre-prod"), [Blessed("1.4.0", 'a')], []);
        Assert.That(steps.Select(s => s.Environment), Is.EqualTo(new[] { "staging", "pre-prod", "production" }));
        Assert.That(steps.All(s => s.ImageDigest.Value == Digest('a')), Is.True);
    }

    [Test]
    public void An_unblessed_digest_is_refused_by_production()
    {
        var history = new[] { Deployed("pre-prod", "1.4.0", 'a', 1) };
        var error = Assert.Throws<PromotionRefusedException>(() => _planner.Plan(Request('a', "production"), [], history));
        Assert.That(error!.Problems.Single(), Does.StartWith("Unblessed digest: 'production'").And.Contain(Digest('a')).And.Contain("director-1.4.0"));
    }

    [Test]
    public void A_blessed_version_with_another_digest_is_an_overwritten_version()
    {
        var history = new[] { Deployed("pre-prod", "1.4.0", 'f', 1) };
        var error = Assert.Throws<PromotionRefusedException>(() => _planner.Plan(Request('f', "production"), [Blessed("1.4.0", 'a')], history));
        Assert.That(error!.Problems, Has.Some.StartsWith("Overwritten version: 1.4.0 was already blessed as " + Digest('a')));
        Assert.That(error.Problems, Has.Some.StartsWith("Unblessed digest"));
    }

    [Test]
    public void Reusing_a_deployed_version_for_a_new_digest_is_refused_in_any_environment()
    {
        var history = new[] { Deployed("staging", "1.4.0", 'a', 1) };
        var error = Assert.Throws<PromotionRefusedException>(() => _planner.Plan(Request('b', "staging"), [], history));
        Assert.That(error!.Message, Does.Contain("Overwritten version").And.Contain("deployed to staging"));
    }

    [Test]
    public void Skipping_an_environment_is_refused_but_an_earlier_deployment_counts()
    {
        var error = Assert.Throws<PromotionRefusedException>(() => _planner.Plan(Request('a', "pre-prod"), [], []));
        Assert.That(error!.Message, Does.Contain("skips 'staging'"));
        var steps = _planner.Plan(Request('a', "pre-prod"), [], [Deployed("staging", "1.4.0", 'a', 1)]);
        Assert.That(steps.Single().Environment, Is.EqualTo("pre-prod"));
    }

    [Test]
    public void Unknown_environments_tags_and_empty_targets_are_refused()
    {
        Assert.That(Assert.Throws<PromotionRefusedException>(() => _planner.Plan(Request('a', "prod"), [], []))!.Message,
            Does.Contain("'prod'").And.Contain("staging -> pre-prod -> production"));
        Assert.That(Assert.Throws<PromotionRefusedException>(() => _planner.Plan(Request('a') with { ImageDigest = "1.4.0" , Targets = ["staging"] }, [], []))!.Message,
            Does.Contain("promote by digest"));
        Assert.That(Assert.Throws<PromotionRefusedException>(() => _planner.Plan(Request('a'), [], []))!.Message, Does.Contain("names no environment"));
    }

    [Test]
    public void A_custom_chain_is_respected()
    {
        var chain = new EnvironmentChain([new("uat", false), new("live", true)]);
        var steps = new PromotionPlanner(chain).Plan(Request('a', "live", "uat"), [Blessed("1.4.0", 'a')], []);
        Assert.That(steps.Select(s => s.Environment), Is.EqualTo(new[] { "uat", "live" }));
        Assert.Throws<ArgumentException>(() => _ = new EnvironmentChain([new("uat", false), new("uat", true)]));
    }
}
