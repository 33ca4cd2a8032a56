using Release.Process.Applications;
using Release.Process.Applications.Rollout;

namespace Release.Process.Tests.Applications;

public class RolloutPlannerTests
{
    private static ModuleNode M(string name, params string[] dependsOn) => new(name, dependsOn);

    // The sample application: the gateway calls the director and the ledger.
    private static ModuleGraph Sample() => ModuleGraph.Create([M("director"), M("ledger"), M("gateway", "director", "ledger")]);

    // storefront calls pricing and catalog; pricing reads catalog; audit stands alone.
    private static ModuleGraph Shop() => ModuleGraph.Create([M("storefront", "pricing", "catalog"), M("pricing", "catalog"), M("catalog"), M("audit")]);

    private static Dictionary<string, string> All(ModuleGraph graph, string release) => graph.Names.ToDictionary(m => m, _ => release);

    [Test]
    public void Nothing_running_deploys_every_module_in_waves_dependencies_first()
    {
        var plan = RolloutPlanner.Plan(Sample(), All(Sample(), "1.0.0"), new Dictionary<string, string>(), addressesMove: false);
        Assert.Multiple(() =>
        {
            Assert.That(plan.Changed, Is.EqualTo(new[] { "director", "ledger", "gateway" }));
            Assert.That(plan.Waves, Is.EqualTo(new[] { new[] { "director", "ledger" }, new[] { "gateway" } }));
            Assert.That(plan.WaitsFor("gateway"), Is.EqualTo(new[] { "director", "ledger" }));
            Assert.That(plan.WaitsFor("ledger"), Is.Empty);
            Assert.That(plan.ReasonFor("ledger"), Is.EqualTo("not running; deploys 1.0.0"));
        });
    }

    [Test]
    public void Only_modules_whose_release_differs_are_deployed_where_addresses_stay()
    {
        var graph = Shop();
        var running = All(graph, "sha256:aaa");
        var wanted = All(graph, "sha256:aaa");
        wanted["catalog"] = "sha256:bbb";
        var plan = RolloutPlanner.Plan(graph, wanted, running, addressesMove: false);
        Assert.Multiple(() =>
        {
            Assert.That(plan.Changed, Is.EqualTo(new[] { "catalog" }));
            Assert.That(plan.Unchanged, Is.EqualTo(new[] { "pricing", "storefront", "audit" }));
            Assert.That(plan.ReasonFor("catalog"), Is.EqualTo("new release sha256:bbb (runs sha256:aaa)"));
            Assert.That(plan.ReasonFor("storefront"), Is.EqualTo("unchanged"));
        });
    }

    [Test]
    public void Where_addresses_move_the_dependents_of_a_changed_module_are_redeployed_after_it()
    {
        var graph = Shop();
        var running = All(graph, "1");
        var wanted = All(graph, "1");
        wanted["catalog"] = "2";
        var plan = RolloutPlanner.Plan(graph, wanted, running, addressesMove: true);
        Assert.Multiple(() =>
        {
            Assert.That(plan.Changed, Is.EqualTo(new[] { "catalog", "pricing", "storefront" }));
            Assert.That(plan.Waves, Is.EqualTo(new[] { new[] { "catalog" }, new[] { "pricing" }, new[] { "storefront" } }));
            Assert.That(plan.ReasonFor("pricing"), Is.EqualTo("redeployed to find catalog at its new address"));
            Assert.That(plan.ReasonFor("storefront"), Is.EqualTo("redeployed to find catalog, pricing at their new address"));
            Assert.That(plan.Unchanged, Is.EqualTo(new[] { "audit" }));
        });
    }

    [Test]
    public void A_changed_module_waits_for_a_changed_module_it_reaches_through_an_unchanged_one()
    {
        var graph = Shop();
        var running = All(graph, "1");
        var wanted = All(graph, "1");
        wanted["catalog"] = "2";
        wanted["storefront"] = "2";
        var plan = RolloutPlanner.Plan(graph, wanted, running, addressesMove: false);
        Assert.That(plan.Waves, Is.EqualTo(new[] { new[] { "catalog" }, new[] { "storefront" } }));
    }

    [Test]
    public void Where_addresses_stay_the_replaced_modules_go_back_in_reverse_dependency_order()
    {
        var graph = Shop();
        var plan = RolloutPlanner.Plan(graph, All(graph, "2"), All(graph, "1"), addressesMove: false);
        // storefront failed after catalog, audit and pricing were replaced.
        Assert.That(plan.RestoreOrder(["audit", "catalog", "pricing"], graph.Names), Is.EqualTo(new[] { "audit", "pricing", "catalog" }));
        Assert.That(plan.RestoreOrder([], graph.Names), Is.Empty);
    }

    [Test]
    public void Where_addresses_move_the_replaced_modules_go_back_first_and_their_running_dependents_follow()
    {
        var graph = Sample();
        var plan = RolloutPlanner.Plan(graph, All(graph, "2"), All(graph, "1"), addressesMove: true);
        // gateway failed its health after director and ledger were replaced: the gateway that still runs (1) points at
        // their stopped instances, so it is redeployed after them.
        Assert.That(plan.RestoreOrder(["ledger", "director"], graph.Names), Is.EqualTo(new[] { "director", "ledger", "gateway" }));
        // A dependent that ran nothing before has nothing to go back to.
        Assert.That(plan.RestoreOrder(["ledger", "director"], ["director", "ledger"]), Is.EqualTo(new[] { "director", "ledger" }));
    }

    [Test]
    public void A_module_without_a_release_or_a_release_for_no_module_is_refused_by_name()
    {
        var graph = Sample();
        var wanted = All(graph, "1");
        wanted.Remove("ledger");
        Assert.That(() => RolloutPlanner.Plan(graph, wanted, new Dictionary<string, string>(), false),
            Throws.ArgumentException.With.Message.Contains("No release was given for module 'ledger'"));
        Assert.That(() => RolloutPlanner.Plan(graph, All(graph, "1"), new Dictionary<string, string> { ["ledgr"] = "1" }, false),
            Throws.ArgumentException.With.Message.Contains("'ledgr' is not a module of the application (modules: director, ledger, gateway)"));
    }
}
