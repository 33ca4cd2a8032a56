using Release.Foundation.Oci;
using Release.Process.Approvals;
using Release.Process.Promotion;
using static Release.Process.Tests.Promotion.PromotionFixture;

namespace Release.Process.Tests.Promotion;

public class PromotionSourcesTests
{
    private const string Commit = "0156133aaaabbbbccccddddeeeeffff000011112";
    private static readonly EnvironmentChain Chain = EnvironmentChain.Default();
    private readonly PromotionSources _sources = new(Chain);

    private static ReleaseRecord Created(string commit = Commit) =>
        ReleaseRecord.Create("director-1.4.0", new ReleaseCreated(T0, "1.4.0", "main", commit, "r@x", []));

    private static PromotionStep Step(string environment, char digest) => new(environment, "director-1.4.0", V("1.4.0"), OciDigest.Parse(Digest(digest), "test"));

    private static PipelineArtifacts Pushed(char image = 'a', char chart = 'c', string commit = Commit) => new(commit, Digest(image), Digest(chart));

    private static readonly PipelineArtifacts Nothing = new(null, null, null);

    [Test]
    public void The_image_is_the_blessed_one_then_the_promoted_one_then_this_pipelines_push()
    {
        var promoted = Created().Append(new ReleasePromoted(T0.AddHours(1), "staging", Digest('p'), "r@x"));
        var blessed = promoted.Append(new ReleaseBlessed(T0.AddHours(2), Digest('b'), Digest('c')));

        Assert.That(_sources.ImageDigest(blessed, Pushed()), Is.EqualTo(Digest('b')));
        Assert.That(_sources.ImageDigest(promoted, Pushed()), Is.EqualTo(Digest('p')));
        Assert.That(_sources.ImageDigest(promoted, Nothing), Is.EqualTo(Digest('p')));
        Assert.That(_sources.ImageDigest(Created(), Pushed()), Is.EqualTo(Digest('a')));
    }

    [Test]
    public void A_push_of_another_commit_or_no_push_at_all_is_refused_naming_both_commits()
    {
        var other = Assert.Throws<PromotionRefusedException>(() => _sources.ImageDigest(Created(), Pushed(commit: "9999999ffff")));
        Assert.That(other!.Problems.Single(), Does.Contain("is commit 0156133").And.Contain("pushed commit 9999999").And.Contain("Promote from the pipeline that built it"));

        var none = Assert.Throws<PromotionRefusedException>(() => _sources.ImageDigest(Created(), Nothing));
        Assert.That(none!.Problems.Single(), Does.Contain("never pushed by this pipeline nor promoted").And.Contain("Run Push first"));
    }

    [Test]
    public void The_chart_is_the_blessed_one_else_an_environments_else_this_pipelines_of_the_same_commit()
    {
        var record = Created()
            .Append(new ReleasePromoted(T0.AddHours(1), "staging", Digest('a'), "r@x"))
            .Append(new ReleasePromoted(T0.AddHours(2), "pre-prod", Digest('a'), "r@x"))
            .Append(new ReleasePromoted(T0.AddHours(3), "retired-env", Digest('a'), "r@x"));

        Assert.That(PromotionSources.BlessedChart(record), Is.Null);
        Assert.That(PromotionSources.BlessedChart(record.Append(new ReleaseBlessed(T0.AddHours(4), Digest('a'), Digest('k')))), Is.EqualTo(Digest('k')));
        Assert.That(_sources.ChartHolders(record).Select(e => e.Name), Is.EqualTo(new[] { "pre-prod", "staging" }));
        Assert.That(PromotionSources.PipelineChart(Created(), Pushed(chart: 'k')), Is.EqualTo(Digest('k')));

        var stranger = Assert.Throws<PromotionRefusedException>(() => PromotionSources.PipelineChart(Created(), Pushed(commit: "1234567890")));
        Assert.That(stranger!.Problems.Single(), Does.Contain("published its chart from commit 1234567"));
        var none = Assert.Throws<PromotionRefusedException>(() => PromotionSources.PipelineChart(Created(), Nothing));
        Assert.That(none!.Problems.Single(), Does.Contain("the chart of release director-1.4.0 is unknown").And.Contain("Run Chart"));
    }

    [Test]
    public void A_step_copies_from_the_previous_environment_when_it_holds_the_release_or_is_earlier_in_the_plan()
    {
        var deployedInStaging = new[] { Deployed("staging", "1.4.0", 'a', 1) };
        var preProd = Step("pre-prod", 'a');

        Assert.That(_sources.SourceOf(preProd, [preProd], deployedInStaging, Nothing, Digest('c')).Previous?.Name, Is.EqualTo("staging"));
        Assert.That(_sources.SourceOf(preProd, [Step("staging", 'a'), preProd], [], Nothing, Digest('c')).Previous?.Name, Is.EqualTo("staging"));
        // Staging holding another digest of the version is not a source for this one.
        Assert.That(_sources.SourceOf(preProd, [preProd], [Deployed("staging", "1.4.0", 'f', 1)], Pushed(), Digest('c')).FromThisPipeline, Is.True);
    }

    [Test]
    public void The_first_environment_copies_what_this_pipeline_published_and_nothing_else()
    {
        var staging = Step("staging", 'a');

        Assert.That(_sources.SourceOf(staging, [staging], [Deployed("pre-prod", "1.4.0", 'a', 1)], Pushed(), Digest('c')).FromThisPipeline, Is.True);

        var error = Assert.Throws<PromotionRefusedException>(() => _sources.SourceOf(staging, [staging], [], Pushed(image: 'x', chart: 'y'), Digest('c')));
        Assert.That(error!.Problems, Has.Count.EqualTo(2));
        Assert.That(error.Problems[0], Does.Contain($"the image {Digest('a')} is in no earlier environment and this pipeline did not push it"));
        Assert.That(error.Problems[1], Does.Contain($"the chart {Digest('c')} is in no earlier environment and this pipeline did not publish it"));
    }
}
