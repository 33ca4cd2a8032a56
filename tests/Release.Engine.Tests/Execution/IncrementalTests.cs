using Release.Engine.Tests.Support;

namespace Release.Engine.Tests.Execution;

public class IncrementalTests
{
    private class Compiling : Build
    {
        [Parameter] readonly string Configuration = "Debug";
        [Parameter] readonly string ToolVersion = "1.0";

        Target Compile => _ => _
            .Consumes("src/**/*.cs")
            .Produces("out/*.dll")
            .TracksToolVersion("compiler", _ => Task.FromResult(ToolVersion))
            .Executes(() =>
            {
                Directory.CreateDirectory(RootDirectory / "out");
                File.WriteAllText(RootDirectory / "out" / "app.dll", Configuration + string.Concat(Directory.GetFiles(RootDirectory / "src").Select(File.ReadAllText)));
                ReportSummary("Output", "out/app.dll (" + Configuration + ")");
            });
        Target Untracked => _ => _.Executes(() => { });
    }

    private static Task<BuildRun> Run(TempRoot root, params string[] args) => BuildRun.RunAsync<Compiling>(root.Path, new[] { "Compile" }.Concat(args).ToArray());

    [Test]
    public async Task A_second_run_with_nothing_changed_is_up_to_date()
    {
        using var root = new TempRoot();
        root.Write("src/a.cs", "class A {}");
        Assert.That((await Run(root)).Started, Is.EqualTo(new[] { "Compile" }));
        var second = await Run(root);
        Assert.That(second.Started, Is.Empty);
        Assert.That(second.StatusOf("Compile"), Is.EqualTo("UpToDate"));
    }

    [Test]
    public async Task An_up_to_date_target_shows_the_key_figures_of_its_last_run()
    {
        using var root = new TempRoot();
        root.Write("src/a.cs", "class A {}");
        await Run(root, "--configuration", "Release");
        var second = await Run(root, "--configuration", "Release");
        Assert.That(second.StatusOf("Compile"), Is.EqualTo("UpToDate"));
        Assert.That(second.Output, Does.Contain("Output: out/app.dll (Release)"));
    }

    [Test]
    public async Task A_changed_input_parameter_tool_version_or_missing_output_runs_again()
    {
        using var root = new TempRoot();
        root.Write("src/a.cs", "class A {}");
        await Run(root);

        root.Write("src/a.cs", "class A { int x; }");
        Assert.That((await Run(root)).Started, Is.EqualTo(new[] { "Compile" }), "input changed");
        Assert.That((await Run(root, "--configuration", "Release")).Started, Is.EqualTo(new[] { "Compile" }), "parameter changed");
        Assert.That((await Run(root, "--configuration", "Release", "--tool-version", "2.0")).Started, Is.EqualTo(new[] { "Compile" }), "tool version changed");
        Assert.That((await Run(root, "--configuration", "Release", "--tool-version", "2.0")).Started, Is.Empty, "nothing changed");
        File.Delete(Path.Combine(root.Path, "out", "app.dll"));
        Assert.That((await Run(root, "--configuration", "Release", "--tool-version", "2.0")).Started, Is.EqualTo(new[] { "Compile" }), "output missing");
    }

    private class InstallingTool : Build
    {
        // The tool's version is known only once the target installed it: the state must hold the version after the run.
        Target Compile => _ => _
            .Consumes("src/**/*.cs")
            .Produces("out/*.dll")
            .TracksToolVersion("compiler", _ => Task.FromResult(File.Exists(RootDirectory / "tool") ? File.ReadAllText(RootDirectory / "tool") : "not installed"))
            .Executes(() =>
            {
                File.WriteAllText(RootDirectory / "tool", "1.0");
                Directory.CreateDirectory(RootDirectory / "out");
                File.WriteAllText(RootDirectory / "out" / "app.dll", "x");
            });
    }

    [Test]
    public async Task A_tool_version_learnt_during_the_first_run_does_not_make_the_second_run_again()
    {
        using var root = new TempRoot();
        root.Write("src/a.cs", "class A {}");
        Assert.That((await BuildRun.RunAsync<InstallingTool>(root.Path, "Compile")).Started, Is.EqualTo(new[] { "Compile" }));
        Assert.That((await BuildRun.RunAsync<InstallingTool>(root.Path, "Compile")).Started, Is.Empty);
    }

    [Test]
    public async Task Force_runs_an_up_to_date_target()
    {
        using var root = new TempRoot();
        root.Write("src/a.cs", "class A {}");
        await Run(root);
        Assert.That((await Run(root, "--force")).Started, Is.EqualTo(new[] { "Compile" }));
    }

    [Test]
    public async Task The_run_after_a_forced_run_is_up_to_date_again()
    {
        using var root = new TempRoot();
        root.Write("src/a.cs", "class A {}");
        Assert.That((await Run(root, "--force")).Started, Is.EqualTo(new[] { "Compile" }));
        Assert.That((await Run(root)).Started, Is.Empty);
        root.Write("src/a.cs", "class A { int y; }");
        Assert.That((await Run(root, "--force")).Started, Is.EqualTo(new[] { "Compile" }));
        Assert.That((await Run(root)).Started, Is.Empty, "the forced run recorded the changed input");
    }

    [Test]
    public async Task A_target_without_declared_inputs_and_outputs_always_runs()
    {
        using var root = new TempRoot();
        await BuildRun.RunAsync<Compiling>(root.Path, "Untracked");
        Assert.That((await BuildRun.RunAsync<Compiling>(root.Path, "Untracked")).Started, Is.EqualTo(new[] { "Untracked" }));
    }
}
