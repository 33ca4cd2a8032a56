using Release.Engine.Tests.Support;

namespace Release.Engine.Tests.Execution;

/// <summary>
/// The incremental cache keys a target on the parameters it reads (while it runs, while it is defined) and on those the
/// engine injects into fields, not on every parameter: an unrelated one (<c>--keep-running</c>) leaves it up to date.
/// </summary>
public class ParameterReadsIncrementalTests
{
    private interface IFlavours : IBuild
    {
        [Parameter] string? Flavour => TryGetValue(() => Flavour);
        [Parameter] string? Extra => TryGetValue(() => Extra);
        [Parameter] string? Label => TryGetValue(() => Label);
        [Parameter] bool KeepRunning => TryGetValue<bool?>(() => KeepRunning) ?? false;
    }

    private sealed class Compiling : Build, IFlavours
    {
        IFlavours Self => this;

        Target Compile => _ =>
        {
            // Read while the target is defined and used when it runs: the run itself never reads --label.
            var label = Self.Label ?? "none";
            return _
                .Consumes("src/**/*.cs")
                .Produces("out/*.dll")
                .Executes(() =>
                {
                    // --extra is read only for the "rich" flavour: what a target reads may depend on another parameter.
                    var extra = Self.Flavour == "rich" ? Self.Extra : null;
                    Directory.CreateDirectory(RootDirectory / "out");
                    File.WriteAllText(RootDirectory / "out" / "app.dll", $"{Self.Flavour}|{extra}|{label}");
                });
        };

        // Reads --keep-running: the parameter is real, Compile just never reads it.
        Target Serve => _ => _.Executes(() => Log.Information($"keep running: {Self.KeepRunning}"));
    }

    private static Task<BuildRun> Run(TempRoot root, params string[] args) =>
        BuildRun.RunAsync<Compiling>(root.Path, new[] { "Compile" }.Concat(args).ToArray());

    private static TempRoot Root()
    {
        var root = new TempRoot();
        root.Write("src/a.cs", "class A {}");
        return root;
    }

    [Test]
    public async Task A_parameter_the_target_does_not_read_leaves_it_up_to_date()
    {
        using var root = Root();
        Assert.That((await Run(root, "--flavour", "plain")).Started, Is.EqualTo(new[] { "Compile" }));
        var second = await Run(root, "--flavour", "plain", "--keep-running", "--extra", "ignored for plain");
        Assert.That(second.ExitCode, Is.Zero, second.Output);
        Assert.That(second.Started, Is.Empty, second.Output);
        Assert.That(second.StatusOf("Compile"), Is.EqualTo("UpToDate"));
    }

    [Test]
    public async Task A_parameter_the_target_reads_still_makes_it_run_set_changed_or_unset()
    {
        using var root = Root();
        await Run(root);
        Assert.That((await Run(root, "--flavour", "plain")).Started, Is.EqualTo(new[] { "Compile" }), "set after being unset");
        Assert.That((await Run(root, "--flavour", "plain")).Started, Is.Empty, "nothing changed");
        Assert.That((await Run(root, "--flavour", "spicy")).Started, Is.EqualTo(new[] { "Compile" }), "changed");
        Assert.That((await Run(root)).Started, Is.EqualTo(new[] { "Compile" }), "unset again");
        Assert.That(File.ReadAllText(Path.Combine(root.Path, "out", "app.dll")), Is.EqualTo("||none"));
    }

    [Test]
    public async Task A_parameter_read_only_for_another_parameters_value_counts_once_that_value_is_given()
    {
        using var root = Root();
        await Run(root, "--flavour", "plain", "--extra", "1");
        Assert.That((await Run(root, "--flavour", "plain", "--extra", "2")).Started, Is.Empty, "plain never reads --extra");
        Assert.That((await Run(root, "--flavour", "rich", "--extra", "2")).Started, Is.EqualTo(new[] { "Compile" }), "the flavour changed");
        Assert.That((await Run(root, "--flavour", "rich", "--extra", "3")).Started, Is.EqualTo(new[] { "Compile" }), "rich reads --extra");
        Assert.That(File.ReadAllText(Path.Combine(root.Path, "out", "app.dll")), Is.EqualTo("rich|3|none"));
    }

    [Test]
    public async Task A_parameter_read_while_the_target_is_defined_makes_it_run()
    {
        using var root = Root();
        await Run(root, "--label", "one");
        Assert.That((await Run(root, "--label", "one")).Started, Is.Empty);
        Assert.That((await Run(root, "--label", "two")).Started, Is.EqualTo(new[] { "Compile" }));
        Assert.That(File.ReadAllText(Path.Combine(root.Path, "out", "app.dll")), Is.EqualTo("||two"));
    }
}
