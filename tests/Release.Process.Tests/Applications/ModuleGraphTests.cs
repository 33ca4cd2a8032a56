using Release.Process.Applications;

namespace Release.Process.Tests.Applications;

public class ModuleGraphTests
{
    private static ModuleNode M(string name, params string[] dependsOn) => new(name, dependsOn);

    // storefront calls pricing and catalog; pricing reads catalog; audit stands alone.
    private static ModuleGraph Shop() => ModuleGraph.Create([M("storefront", "pricing", "catalog"), M("pricing", "catalog"), M("catalog"), M("audit")]);

    [Test]
    public void Order_puts_every_module_after_what_it_needs_and_keeps_declaration_order_among_free_modules() =>
        Assert.That(Shop().Order, Is.EqualTo(new[] { "catalog", "pricing", "storefront", "audit" }));

    [Test]
    public void Layers_group_modules_that_can_go_at_the_same_time() =>
        Assert.That(Shop().Layers, Is.EqualTo(new[] { new[] { "catalog", "audit" }, new[] { "pricing" }, new[] { "storefront" } }));

    [Test]
    public void A_change_reaches_the_changed_module_and_everything_that_depends_on_it()
    {
        var graph = Shop();
        Assert.Multiple(() =>
        {
            Assert.That(graph.Affected(["catalog"]), Is.EqualTo(new[] { "catalog", "pricing", "storefront" }));
            Assert.That(graph.Affected(["pricing"]), Is.EqualTo(new[] { "pricing", "storefront" }));
            Assert.That(graph.Affected(["storefront"]), Is.EqualTo(new[] { "storefront" }));
            Assert.That(graph.Affected(["audit", "PRICING"]), Is.EqualTo(new[] { "pricing", "storefront", "audit" }));
            Assert.That(graph.Affected([]), Is.Empty);
        });
    }

    [Test]
    public void The_path_to_a_change_says_why_a_module_is_affected()
    {
        var graph = ModuleGraph.Create([M("web", "api"), M("api", "db"), M("db"), M("other")]);
        Assert.Multiple(() =>
        {
            Assert.That(graph.PathToChange("web", ["db"]), Is.EqualTo(new[] { "web", "api", "db" }));
            Assert.That(graph.PathToChange("db", ["db"]), Is.EqualTo(new[] { "db" }));
            Assert.That(graph.PathToChange("other", ["db"]), Is.Null);
        });
    }

    [Test]
    public void Dependencies_and_dependents_are_read_both_ways()
    {
        var graph = Shop();
        Assert.Multiple(() =>
        {
            Assert.That(graph.DependenciesOf("storefront"), Is.EqualTo(new[] { "pricing", "catalog" }));
            Assert.That(graph.AllDependenciesOf("storefront"), Is.EqualTo(new[] { "catalog", "pricing" }));
            Assert.That(graph.DirectDependentsOf("catalog"), Is.EqualTo(new[] { "storefront", "pricing" }));
            Assert.That(graph.DirectDependentsOf("audit"), Is.Empty);
        });
    }

    [Test]
    public void A_cycle_is_shown_as_a_path_and_names_a_fix()
    {
        var error = Assert.Throws<ModuleGraphException>(() => ModuleGraph.Create([M("a", "b"), M("b", "a")]))!;
        Assert.That(error.Message, Does.Contain("a -> b -> a").And.Contain("Remove one of these dependencies"));
    }

    [Test]
    public void A_longer_cycle_behind_a_healthy_module_is_shown_from_where_it_closes()
    {
        var error = Assert.Throws<ModuleGraphException>(() => ModuleGraph.Create([M("web", "api"), M("api", "auth"), M("auth", "users"), M("users", "api")]))!;
        Assert.That(error.Message, Does.Contain("api -> auth -> users -> api"));
        Assert.That(error.Message, Does.Not.Contain("web ->"));
    }

    [Test]
    public void A_module_depending_on_itself_is_a_cycle_of_one()
    {
        var error = Assert.Throws<ModuleGraphException>(() => ModuleGraph.Create([M("a", "a")]))!;
        Assert.That(error.Message, Does.Contain("a -> a"));
    }

    [Test]
    public void An_unknown_dependency_names_the_module_the_missing_name_and_the_known_modules()
    {
        var error = Assert.Throws<ModuleGraphException>(() => ModuleGraph.Create([M("web", "api"), M("apl")]))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Module, Is.EqualTo("web"));
            Assert.That(error.Message, Does.Contain("'web' depends on 'api'").And.Contain("modules: web, apl").And.Contain("Declare module 'api'"));
        });
    }

    [Test]
    public void Two_modules_with_one_name_are_refused_even_in_different_case()
    {
        var error = Assert.Throws<ModuleGraphException>(() => ModuleGraph.Create([M("api"), M("API")]))!;
        Assert.That(error.Message, Does.Contain("two modules are named 'API'"));
    }

    [Test]
    public void A_long_chain_of_modules_is_checked_without_exhausting_the_stack()
    {
        var modules = Enumerable.Range(0, 20_000).Select(i => i == 0 ? M("m0") : M($"m{i}", $"m{i - 1}")).ToList();
        var graph = ModuleGraph.Create(modules);
        Assert.That(graph.Layers, Has.Count.EqualTo(20_000));
        Assert.That(graph.Order[^1], Is.EqualTo("m19999"));
    }
}
