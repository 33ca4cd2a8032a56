using Release.Process.Applications.Releases;
using static Release.Process.Tests.Applications.Releases.SetFixture;

namespace Release.Process.Tests.Applications.Releases;

/// <summary>A module failing mid-promotion leaves its environment on the previous set in full.</summary>
public class EnvironmentRestoreTests
{
    // The ledger and the gateway both change; the gateway (second wave) fails its health check.
    private static ReleaseManifest Third() =>
        ReleaseManifest.Create("shop", V("1.2.0"), [Pin("director", "1.0.0", 'a'), Pin("ledger", "2.1.0", '1'), Pin("gateway", "0.4.0", '3')]);

    // Plays a rollout the way a deployer does: wave by wave until a module fails, then the restore plan.
    private static Dictionary<string, ModulePin> Play(EnvironmentRollout rollout, string failing)
    {
        var deployed = rollout.Running?.Modules.ToDictionary(p => p.Module, p => p) ?? [];
        var replaced = new List<string>();
        foreach (var module in rollout.Rollout.Waves.SelectMany(w => w))
        {
            if (module == failing)
            {
                foreach (var restore in rollout.RestorePlan(replaced))
                    if (restore.To is null) deployed.Remove(restore.Module);
                    else deployed[restore.Module] = restore.To;
                return deployed;
            }
            deployed[module] = Third().PinOf(module)!;
            replaced.Add(module);
        }
        return deployed;
    }

    [Test]
    public void A_module_failing_its_health_puts_every_module_changed_before_it_back_on_the_previous_set()
    {
        var history = new[] { Deployed("staging-eu", First(), 1), Deployed("staging-us", First(), 1) };
        var plan = new BatchPromotionPlanner(Chain(), Sample()).Plan(new SetPromotionRequest(Third(), ["staging-eu"]), [], history);
        var rollout = plan.Environments.Single();
        Assert.That(rollout.Rollout.Waves, Is.EqualTo(new[] { new[] { "ledger" }, new[] { "gateway" } }));
        Assert.That(rollout.RestorePlan(["ledger"]), Is.EqualTo(new[] { new ModuleRestore("ledger", First().PinOf("ledger")) }));

        var deployed = Play(rollout, failing: "gateway");
        Assert.That(deployed.Values.OrderBy(p => p.Module), Is.EqualTo(First().Modules), "every module's deployed digest is the previous set's");
    }

    [Test]
    public void A_reverted_environment_puts_back_every_changed_module_dependents_first_and_removes_what_ran_nothing()
    {
        var plan = new BatchPromotionPlanner(Chain(), Sample()).Plan(new SetPromotionRequest(Third(), ["staging-eu"]), [],
            [Deployed("staging-eu", First(), 1)]);
        var rollout = plan.Environments.Single();
        Assert.That(rollout.RestorePlan(rollout.Rollout.Changed).Select(r => r.Module), Is.EqualTo(new[] { "gateway", "ledger" }));

        var fresh = new BatchPromotionPlanner(Chain(), Sample()).Plan(new SetPromotionRequest(First(), ["staging-us"]), [], []).Environments.Single();
        Assert.That(Play(fresh, failing: "gateway"), Is.Empty, "a first promotion that fails leaves nothing half-deployed");
    }
}
