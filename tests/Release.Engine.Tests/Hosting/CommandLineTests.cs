using Release.Engine.Tests.Support;

namespace Release.Engine.Tests.Hosting;

public class CommandLineTests
{
    private class Simple : Build
    {
        [Parameter("Where to deploy")] readonly string Environment = "dev";
        Target Compile => _ => _.Description("Compiles the code").Executes(() => ReportSummary("Warnings", "0"));
        public Target Deploy => _ => _.Description("Deploys").DependsOn(Compile).Executes(() => Log.Information("deploying to " + Environment));
        Target Secret => _ => _.Unlisted().Executes(() => { });
    }

    [Test]
    public async Task Success_exits_0_and_prints_a_summary_with_key_figures()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<Simple>(root.Path, "Deploy");
        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.StatusOf("Compile"), Is.EqualTo("Succeeded"));
        Assert.That(run.Output, Does.Contain("Warnings: 0"));
        Assert.That(run.Output, Does.Match(@"\| Total\s+\| Succeeded"));
    }

    [Test]
    public async Task The_default_target_runs_when_none_is_named()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunWithDefaultTargetAsync<Simple>(root.Path, x => x.Deploy);
        Assert.That(run.Started, Is.EqualTo(new[] { "Compile", "Deploy" }));
    }

    [Test]
    public async Task An_unknown_target_exits_2_and_lists_the_closest_and_valid_targets()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<Simple>(root.Path, "Deplyo");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Contain("Unknown target 'Deplyo'. Did you mean Deploy?").And.Contain("Valid targets: Compile, Deploy."));
    }

    [Test]
    public async Task A_word_after_a_switch_is_refused_with_the_order_that_works_instead_of_being_dropped()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<Simple>(root.Path, "--plan", "Compile");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Contain("--plan takes no value, so 'Compile' after it means nothing").And.Contain("./build.sh Compile --plan"));
        Assert.That(run.Started, Is.Empty);
    }

    [Test]
    public async Task Target_names_are_matched_ignoring_case()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<Simple>(root.Path, "compile");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
    }

    [Test]
    public async Task Help_lists_targets_with_descriptions_but_not_unlisted_ones()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<Simple>(root.Path, "--help");
        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Output, Does.Contain("Compiles the code").And.Contain("Deploys -> Compile").And.Contain("--environment"));
        Assert.That(run.Output, Does.Not.Contain("Secret"));
    }

    [Test]
    public async Task The_schema_lists_targets_and_parameters()
    {
        using var root = new TempRoot();
        await BuildRun.RunAsync<Simple>(root.Path, "--help");
        var schema = await File.ReadAllTextAsync(Path.Combine(root.Path, ".nuke", "build.schema.json"));
        Assert.That(schema, Does.Contain("\"Environment\"").And.Contain("\"Deploy\"").And.Contain("Where to deploy"));
    }

    [Test]
    public async Task Several_builds_run_side_by_side_in_one_process_with_their_own_settings()
    {
        using var first = new TempRoot();
        using var second = new TempRoot();
        var runs = await Task.WhenAll(
            BuildRun.RunAsync<Simple>(first.Path, new Dictionary<string, string> { ["ENVIRONMENT"] = "alpha" }, CancellationToken.None, "Deploy"),
            BuildRun.RunAsync<Simple>(second.Path, new Dictionary<string, string> { ["ENVIRONMENT"] = "beta" }, CancellationToken.None, "Deploy"));
        Assert.That(runs[0].Output, Does.Contain("deploying to alpha").And.Not.Contain("beta"));
        Assert.That(runs[1].Output, Does.Contain("deploying to beta").And.Not.Contain("alpha"));
    }
}
