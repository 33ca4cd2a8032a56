using Release.Engine.Tests.Support;

namespace Release.Engine.Tests.Execution;

public class FailureTests
{
    private class Failing : Build
    {
        Target Compile => _ => _.Executes(() => throw new InvalidOperationException("compiler exploded"));
        Target Test => _ => _.DependsOn(Compile).Executes(() => { });
        Target Lint => _ => _.ProceedAfterFailure().Executes(() => throw new InvalidOperationException("style"));
        Target Docs => _ => _.After(Lint).Executes(() => { });
        Target Report => _ => _.DependsOn(Test).AssuredAfterFailure().Executes(() => Log.Information("report written"));
        Target All => _ => _.DependsOn(Test, Docs, Report).Executes(() => { });
        Target LintThenDocs => _ => _.DependsOn(Lint, Docs).Executes(() => { });
    }

    [Test]
    public async Task A_failure_stops_its_dependents_and_the_build_fails_with_exit_code_1()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<Failing>(root.Path, "All", "--max-parallel", "1");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.StatusOf("Compile"), Is.EqualTo("Failed"));
        Assert.That(run.StatusOf("Test"), Is.EqualTo("NotRun"));
        Assert.That(run.StatusOf("All"), Is.EqualTo("NotRun"));
        Assert.That(run.Output, Does.Contain("[Compile] error: compiler exploded"));
        Assert.That(run.Output, Does.Not.Contain("InvalidOperationException"), "the exception's type is for --verbose only");
    }

    [Test]
    public async Task With_verbose_a_failure_also_shows_the_exception_type_and_stack_as_debug_lines()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<Failing>(root.Path, "Compile", "--verbose");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Does.Contain("[Compile] error: compiler exploded"));
        Assert.That(run.Output, Does.Contain("[Compile] debug: Compile failed with System.InvalidOperationException: compiler exploded"));
    }

    [Test]
    public async Task A_failure_outside_any_target_is_a_message_with_exit_code_1_not_a_crash()
    {
        using var root = new TempRoot();
        Directory.CreateDirectory(Path.Combine(root.Path, ".nuke", "build.schema.json")); // the schema cannot be written over a folder
        var run = await BuildRun.RunAsync<Failing>(root.Path, "--help");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Does.StartWith("error: ").And.Not.Contain("Exception").And.Not.Contain("   at "));

        var verbose = await BuildRun.RunAsync<Failing>(root.Path, "--help", "--verbose");
        Assert.That(verbose.Output, Does.Contain("debug: System.IO.IOException"), "the type and stack with --verbose");
    }

    private class FailingOnInput : Build
    {
        [Parameter] readonly string Manifest = "";
        Target Validate => _ => _.Executes(() => throw new BuildInputException($"--manifest {Manifest}: line 3 has no 'name'. Add one."));
        Target Package => _ => _.DependsOn(Validate).Executes(() => { });
        Target Notes => _ => _.Executes(() => throw new InvalidOperationException("the notes service is down"));
        Target Both => _ => _.DependsOn(Package, Notes).Executes(() => { });
    }

    [Test]
    public async Task A_target_failing_on_bad_input_ends_the_build_with_exit_code_2_after_the_summary()
    {
        using var root = new TempRoot();
        var badInput = await BuildRun.RunAsync<FailingOnInput>(root.Path, "Package", "--manifest", "app.yaml");
        var both = await BuildRun.RunAsync<FailingOnInput>(root.Path, "Both", "--manifest", "app.yaml", "--max-parallel", "1");
        var other = await BuildRun.RunAsync<FailingOnInput>(root.Path, "Notes");

        Assert.That((badInput.ExitCode, both.ExitCode, other.ExitCode), Is.EqualTo((2, 2, 1)), "bad input wins over an ordinary failure");
        Assert.That(badInput.StatusOf("Validate"), Is.EqualTo("Failed"));
        Assert.That(badInput.StatusOf("Package"), Is.EqualTo("NotRun"));
        Assert.That(badInput.Output, Does.Contain("[Validate] error: --manifest app.yaml: line 3 has no 'name'. Add one."));
    }

    [Test]
    public async Task An_assured_target_runs_even_though_what_it_depends_on_failed()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<Failing>(root.Path, "All", "--max-parallel", "1");
        Assert.That(run.StatusOf("Report"), Is.EqualTo("Succeeded"));
        Assert.That(run.Output, Does.Contain("[Report] report written"));
    }

    [Test]
    public async Task After_a_ProceedAfterFailure_target_fails_independent_targets_still_run()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<Failing>(root.Path, "LintThenDocs", "--max-parallel", "1");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.StatusOf("Lint"), Is.EqualTo("Failed"));
        Assert.That(run.StatusOf("Docs"), Is.EqualTo("Succeeded"));
        Assert.That(run.StatusOf("LintThenDocs"), Is.EqualTo("NotRun"));
    }

    [Test]
    public async Task After_an_ordinary_failure_no_new_independent_target_starts()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<Failing>(root.Path, "Compile", "Docs", "--max-parallel", "1");
        Assert.That(run.StatusOf("Docs"), Is.EqualTo("NotRun"));
        Assert.That(run.Output, Does.Contain("Compile failed"));
    }
}
