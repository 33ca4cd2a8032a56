using Release.Foundation.Oci;
using Release.Engine;
using Release.Process.Applications.Releases;
using Release.Process.Promotion;
using Release.SemVer;

namespace Release.Environments.Tests;

/// <summary>The declared steps and groups are the batches of application releases.</summary>
public class ReleaseSetChainTests
{
    private SampleSource _sample = null!;

    [SetUp]
    public void Create() => _sample = new SampleSource();

    [TearDown]
    public void Delete() => _sample.Dispose();

    private static string Hex(char c) => "sha256:" + new string(c, 64);

    [Test]
    public void Each_declared_step_is_one_batch_and_its_group_names_it()
    {
        var declared = SampleSource.Declared.Check(_sample.Application, _sample.Root);
        var chain = ReleaseSetChain.Of(declared, ["production"], ["staging"]);
        Assert.That(chain.ToString(), Is.EqualTo("staging (local, staging) -> pre-prod -> friendly-user -> production"));
        Assert.That(chain.Steps.Select(s => s.RequiresBlessing), Is.EqualTo(new[] { false, false, false, true }));
        Assert.That(chain.Steps[0].AllowsPartialSuccess, Is.True);

        // The application's graph and the declared batch plan a release together.
        var set = ReleaseManifest.Create("director", SemanticVersion.Parse("1.0.0"), new[] { "director", "ledger", "gateway" }.Select((m, i) =>
            new ModulePin(m, SemanticVersion.Parse("1.0.0"), OciDigest.Parse(Hex((char)('a' + i)), "test"), OciDigest.Parse(Hex('f'), "test"))));
        var plan = new BatchPromotionPlanner(chain, _sample.Application.Graph).Plan(new SetPromotionRequest(set, ["staging", "local"]), [], []);
        Assert.That(plan.Environments.Select(e => e.Environment), Is.EqualTo(new[] { "local", "staging" }));
        Assert.That(plan.Environments[0].Rollout.Waves, Is.EqualTo(new[] { new[] { "director", "ledger" }, new[] { "gateway" } }));
    }

    [Test]
    public void An_undeclared_environment_or_group_is_refused_naming_what_is_declared()
    {
        var declared = SampleSource.Declared.Check(_sample.Application, _sample.Root);
        var error = Assert.Throws<BuildInputException>(() => ReleaseSetChain.Of(declared, ["prod"], ["canary"]))!.Message;
        Assert.That(error, Does.Contain("environment 'prod' takes only blessed releases but is not declared (environments: local, staging, pre-prod"));
        Assert.That(error, Does.Contain("group 'canary' allows partial success but no environment is in it"));
    }
}
