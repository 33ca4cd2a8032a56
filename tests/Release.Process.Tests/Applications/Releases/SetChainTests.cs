using Release.Process.Applications.Releases;
using Release.Process.Promotion;
using static Release.Process.Tests.Applications.Releases.SetFixture;

namespace Release.Process.Tests.Applications.Releases;

public class SetChainTests
{
    [Test]
    public void A_chain_without_groups_is_one_step_per_environment_and_flattens_back_in_order()
    {
        var chain = SetChain.Of(EnvironmentChain.Default());
        Assert.That(chain.ToString(), Is.EqualTo("staging -> pre-prod -> production"));
        Assert.That(chain.Steps.Select(s => s.RequiresBlessing), Is.EqualTo(new[] { false, false, true }));
        Assert.That(Chain().Flattened().ToString(), Is.EqualTo("staging-eu -> staging-us -> pre-prod -> production"));
        Assert.That(Chain().StepIndexOf("staging-us"), Is.EqualTo(0));
        Assert.That(Chain().StepIndexOf("qa"), Is.EqualTo(-1));
    }

    [Test]
    public void An_environment_in_two_steps_an_empty_step_and_no_step_are_refused()
    {
        Assert.That(Assert.Throws<ArgumentException>(() => new SetChain([new ChainStep("a", ["x"], false), new ChainStep("b", ["x"], false)]))!.Message,
            Does.Contain("Environment 'x' appears twice"));
        Assert.That(Assert.Throws<ArgumentException>(() => new SetChain([new ChainStep("a", [], false)]))!.Message, Does.Contain("Step 'a'"));
        Assert.That(Assert.Throws<ArgumentException>(() => new SetChain([]))!.Message, Does.Contain("no step"));
    }
}
