using Release.Engine.Tests.Support;

namespace Release.Engine.Tests.Execution;

public class RequiresTests
{
    private class Publishing : Build
    {
        [Parameter("API key of the package feed"), Secret] readonly string? ApiKey;
        [Parameter] readonly string Feed = "";
        Target Compile => _ => _.Executes(() => { });
        Target Publish => _ => _.DependsOn(Compile).Requires(() => ApiKey).Requires(() => Feed.StartsWith("https://")).Executes(() => { });
    }

    private class Strict : Build
    {
        [Parameter, Required] readonly string? Environment;
        Target Deploy => _ => _.Executes(() => Log.Information("to " + Environment));
    }

    [Test]
    public async Task A_missing_required_parameter_names_every_place_it_could_come_from()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<Publishing>(root.Path, "Publish", "--feed", "https://feed");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Contain("Parameter 'ApiKey' is required by target 'Publish'")
            .And.Contain("--api-key <value>").And.Contain("API_KEY").And.Contain(".nuke/parameters.json").And.Contain("--profile"));
        Assert.That(run.Started, Is.Empty, "nothing runs when a requirement fails");
    }

    [Test]
    public async Task A_false_required_condition_is_shown_by_its_source_text()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<Publishing>(root.Path, "Publish", "--api-key", "k3y-value", "--feed", "ftp://x");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Contain("requires () => Feed.StartsWith(\"https://\")"));
    }

    [Test]
    public async Task Requirements_of_targets_not_in_the_plan_do_not_apply()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<Publishing>(root.Path, "Compile");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
    }

    [Test]
    public async Task A_Required_attribute_applies_to_every_run()
    {
        using var root = new TempRoot();
        var missing = await BuildRun.RunAsync<Strict>(root.Path, "Deploy");
        Assert.That(missing.ExitCode, Is.EqualTo(2));
        Assert.That(missing.Output, Does.Contain("Parameter 'Environment' is required by the build"));
        var given = await BuildRun.RunAsync<Strict>(root.Path, "Deploy", "--environment", "staging");
        Assert.That(given.ExitCode, Is.EqualTo(0), given.Output);
        Assert.That(given.Output, Does.Contain("[Deploy] to staging"));
    }
}

public class InteractiveRequiresTests
{
    private class Strict : Build
    {
        [Parameter, Required] readonly string? Environment;
        [Parameter, Secret, Required] readonly string? Token;
        Target Deploy => _ => _.Executes(() => Log.Information($"to {Environment} with {Token}"));
    }

    [Test]
    public async Task When_interactive_a_missing_required_parameter_is_asked_for_and_a_secret_answer_is_masked()
    {
        using var root = new Support.TempRoot();
        var asked = new List<(string Name, bool Secret)>();
        var writer = new StringWriter();
        var exit = await Release.Engine.Hosting.BuildHost.RunAsync<Strict>(["Deploy"], null, new()
        {
            RootDirectory = root.Path, Environment = new Dictionary<string, string>(), Output = writer, Interactive = true,
            Prompt = (name, secret, _) => { asked.Add((name, secret)); return Task.FromResult<string?>(name == "Token" ? "t0ken-from-prompt" : "staging"); },
        });
        Assert.That(exit, Is.EqualTo(0), writer.ToString());
        Assert.That(asked, Is.EquivalentTo(new[] { ("Environment", false), ("Token", true) }));
        Assert.That(writer.ToString(), Does.Contain("[Deploy] to staging with ***").And.Not.Contain("t0ken-from-prompt"));
    }

    [Test]
    public async Task Bad_input_writes_no_schema_file()
    {
        using var root = new Support.TempRoot();
        var run = await Support.BuildRun.RunAsync<Strict>(root.Path, "Deplyo");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(File.Exists(Path.Combine(root.Path, ".nuke", "build.schema.json")), Is.False);
    }
}
