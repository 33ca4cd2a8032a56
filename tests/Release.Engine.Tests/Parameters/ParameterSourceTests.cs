using Release.Engine.Tests.Support;

namespace Release.Engine.Tests.Parameters;

public class ParameterSourceTests
{
    public enum Verbosity { Quiet, Normal, Detailed }

    private class Typed : Build
    {
        [Parameter] readonly string Configuration = "Debug";
        [Parameter] readonly int Retries = 1;
        [Parameter] readonly double Threshold;
        [Parameter] readonly bool Publish;
        [Parameter] readonly Verbosity Level = Verbosity.Normal;
        [Parameter] readonly string[] Tags = [];
        [Parameter] readonly AbsolutePath? Output;

        Target Show => _ => _.Executes(() => Log.Information(
            $"Configuration={Configuration} Retries={Retries} Threshold={Threshold} Publish={Publish} Level={Level} Tags={string.Join("+", Tags)} Output={Output}"));
    }

    private class WithBaseParameter : Build
    {
        [Parameter("Where to publish")] public virtual string? Feed { get; set; }
    }

    // Discovery reads a member's own attributes (Startup: the cheaper query): an override that does not repeat
    // [Parameter] still has the base class's parameter, set through the override.
    private class OverridingParameter : WithBaseParameter
    {
        private string? _feed;
        public override string? Feed { get => _feed; set => _feed = "override:" + value; }

        Target Show => _ => _.Executes(() => Log.Information($"Feed={Feed}"));
    }

    [Test]
    public async Task A_parameter_declared_on_a_base_class_property_is_set_through_its_override()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<OverridingParameter>(root.Path, "Show", "--feed", "nightly");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Output, Does.Contain("Feed=override:nightly"));
        var help = await BuildRun.RunAsync<OverridingParameter>(root.Path, "--help");
        Assert.That(help.Output, Does.Contain("--feed").And.Contain("Where to publish"));
    }

    private static Task<BuildRun> Run(TempRoot root, Dictionary<string, string>? environment, params string[] args) =>
        BuildRun.RunAsync<Typed>(root.Path, environment ?? new(), CancellationToken.None, new[] { "Show" }.Concat(args).ToArray());

    [Test]
    public async Task Every_type_converts_from_the_command_line()
    {
        using var root = new TempRoot();
        var run = await Run(root, null, "--configuration", "Release", "--retries", "3", "--threshold", "0.75", "--publish",
            "--level", "detailed", "--tags", "a", "b", "--output", "out/dir");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Output, Does.Contain($"Configuration=Release Retries=3 Threshold=0.75 Publish=True Level=Detailed Tags=a+b Output={Path.Combine(root.Path, "out/dir")}"));
    }

    [Test]
    public async Task Environment_variables_match_ignoring_case_and_underscores()
    {
        using var root = new TempRoot();
        var run = await Run(root, new() { ["CONFIGURATION"] = "FromEnv", ["re_tries"] = "5", ["TAGS"] = "x,y" });
        Assert.That(run.Output, Does.Contain("Configuration=FromEnv Retries=5").And.Contain("Tags=x+y"));
    }

    [Test]
    public async Task An_empty_environment_variable_is_not_set()
    {
        // GitLab expands a team variable nobody defined to an empty string in every job that maps it.
        using var root = new TempRoot();
        root.Write(".nuke/parameters.json", """{ "Retries": 7 }""");
        var run = await Run(root, new() { ["CONFIGURATION"] = "", ["RETRIES"] = "" });
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Output, Does.Contain("Configuration=Debug Retries=7"));
    }

    [Test]
    public async Task A_blank_value_from_any_source_is_not_set()
    {
        // One rule in the engine, so no target has to ask "null or blank?" of its parameters.
        using var root = new TempRoot();
        root.Write(".nuke/parameters.json", """{ "Retries": 7, "Level": "  " }""");
        var run = await Run(root, new() { ["RETRIES"] = " \n", ["TAGS"] = "x" }, "--configuration", "   ", "--threshold", "\t");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Output, Does.Contain("Configuration=Debug Retries=7 Threshold=0 Publish=False Level=Normal Tags=x"));
    }

    [Test]
    public async Task An_undefined_Azure_variable_mapped_as_its_own_macro_is_unset_not_a_value()
    {
        using var root = new TempRoot();
        root.Write(".nuke/parameters.json", """{ "Configuration": "FromJson" }""");
        var run = await Run(root, new() { ["CONFIGURATION"] = "$(CONFIGURATION)", ["RETRIES"] = "$(RETRIES)" });
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Output, Does.Contain("Configuration=FromJson Retries=1"), "the next source, then the default, applies");
    }

    [Test]
    public async Task Priority_is_command_line_then_environment_then_profile_then_parameters_json()
    {
        using var root = new TempRoot();
        root.Write(".nuke/parameters.json", """{ "$schema": "./build.schema.json", "Configuration": "FromJson", "Retries": 7, "Tags": ["j"], "Threshold": 0.5 }""");
        root.Write(".nuke/parameters.ci.json", """{ "Retries": 8, "Tags": ["p"] }""");

        var json = await Run(root, null);
        Assert.That(json.Output, Does.Contain("Configuration=FromJson Retries=7 Threshold=0.5").And.Contain("Tags=j"));

        var profile = await Run(root, null, "--profile", "ci");
        Assert.That(profile.Output, Does.Contain("Configuration=FromJson Retries=8").And.Contain("Tags=p"));

        var environment = await Run(root, new() { ["RETRIES"] = "9" }, "--profile", "ci");
        Assert.That(environment.Output, Does.Contain("Retries=9"));

        var commandLine = await Run(root, new() { ["RETRIES"] = "9" }, "--profile", "ci", "--retries", "10");
        Assert.That(commandLine.Output, Does.Contain("Retries=10"));
    }

    [Test]
    public async Task Help_shows_each_parameter_with_the_source_of_its_value()
    {
        using var root = new TempRoot();
        root.Write(".nuke/parameters.json", """{ "Retries": 7 }""");
        var run = await Run(root, new() { ["CONFIGURATION"] = "X" }, "--help");
        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Output, Does.Contain("--retries").And.Contain("from .nuke/parameters.json"));
        Assert.That(run.Output, Does.Contain("from environment variable CONFIGURATION"));
        Assert.That(run.Output, Does.Contain("{Quiet|Normal|Detailed}"));
        Assert.That(run.Started, Is.Empty);
    }

    [TestCase("--retries", "many", "which is not a whole number")]
    [TestCase("--publish", "maybe", "which is not true or false")]
    [TestCase("--level", "loud", "one of Quiet, Normal, Detailed")]
    [TestCase("--threshold", "high", "which is not a number")]
    public async Task A_value_of_the_wrong_type_names_the_parameter_and_its_source(string option, string value, string expected)
    {
        using var root = new TempRoot();
        var run = await Run(root, null, option, value);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Contain(expected).And.Contain($"{option} has the value '{value}' from the command line ({option})"));
        Assert.That(run.Output, Does.Not.Contain("Int32").And.Not.Contain("Double").And.Not.Contain("Boolean"), "no .NET type names");
        Assert.That(run.Started, Is.Empty);
    }

    [Test]
    public async Task A_wrong_type_in_parameters_json_names_the_file_and_key()
    {
        using var root = new TempRoot();
        root.Write(".nuke/parameters.json", """{ "Retries": "often" }""");
        var run = await Run(root, null);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Contain(".nuke/parameters.json (\"Retries\")"));
    }

    [Test]
    public async Task An_unknown_parameter_lists_the_closest_names()
    {
        using var root = new TempRoot();
        var run = await Run(root, null, "--configuraton", "Release");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Contain("Unknown parameter --configuraton").And.Contain("Did you mean --configuration"));
    }

    [Test]
    public async Task An_unknown_key_in_parameters_json_is_an_error_naming_the_file()
    {
        using var root = new TempRoot();
        root.Write(".nuke/parameters.json", """{ "Retrys": 3 }""");
        var run = await Run(root, null);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Contain("Unknown parameter \"Retrys\" in .nuke/parameters.json").And.Contain("Retries"));
    }

    [Test]
    public async Task Malformed_parameters_json_is_reported_with_line_and_column()
    {
        using var root = new TempRoot();
        root.Write(".nuke/parameters.json", "{\n  \"Retries\": 3\n  \"Tags\": []\n}");
        var run = await Run(root, null);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Match(@"\.nuke/parameters\.json: line 3, column \d+: malformed JSON"));
    }

    [Test]
    public async Task A_profile_whose_file_does_not_exist_lists_the_available_profiles()
    {
        using var root = new TempRoot();
        root.Write(".nuke/parameters.ci.json", "{}");
        root.Write(".nuke/parameters.local.json", "{}");
        var run = await Run(root, null, "--profile", "prod");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Contain(".nuke/parameters.prod.json does not exist").And.Contain("Available profiles: ci, local"));
    }
}
