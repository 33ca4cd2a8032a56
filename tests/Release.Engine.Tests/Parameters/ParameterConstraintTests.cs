using Release.Engine.Tests.Support;

namespace Release.Engine.Tests.Parameters;

/// <summary>Constraints declared beside [Parameter] refuse a bad value from any source before anything runs, with exit code 2.</summary>
public class ParameterConstraintTests
{
    private sealed class EvenAttribute : ParameterConstraintAttribute
    {
        public override string Allowed => "an even number";
        public override string? Check(object value) => (int)value % 2 == 0 ? null : "is odd";
    }

    private class Constrained : Build
    {
        [Parameter, Range(1, 65535)] readonly int? Port;
        [Parameter, Range(1)] readonly int? Depth;
        [Parameter, Range(0, 100)] readonly double Coverage = 60;
        [Parameter, OneOf(["auto", "podman", "docker"], ignoreCase: true)] readonly string Runtime = "auto";
        [Parameter, OneOf("go", "nogo")] readonly string? Decision;
        [Parameter, Pattern("^[1-9][0-9]*/[1-9][0-9]*$", "N/TOTAL, like 2/3")] readonly string? Partition;
        [Parameter, NotEmpty] readonly string? Release;
        [Parameter, Range(1, 10)] readonly int[] Shards = [];
        [Parameter, Secret, Pattern("^tok-", "a token that starts with tok-")] readonly string? Token;
        [Parameter, Even] readonly int Pairs;

        Target Show => _ => _.Executes(() => Log.Information(
            $"Port={Port} Depth={Depth} Coverage={Coverage} Runtime={Runtime} Decision={Decision} Partition={Partition} Release={Release} Pairs={Pairs} TokenGiven={Token is not null}"));
    }

    private static Task<BuildRun> Run(TempRoot root, Dictionary<string, string>? environment, params string[] args) =>
        BuildRun.RunAsync<Constrained>(root.Path, environment ?? new(), CancellationToken.None, new[] { "Show" }.Concat(args).ToArray());

    [Test]
    public async Task Values_within_their_constraints_are_accepted()
    {
        using var root = new TempRoot();
        var run = await Run(root, null, "--port", "65535", "--depth", "1", "--coverage", "100", "--runtime", " Podman ", "--decision", "nogo",
            "--partition", "2/3", "--release", "1.4.0", "--shards", "1", "10", "--token", "tok-1", "--pairs", "4");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Output, Does.Contain("Port=65535 Depth=1 Coverage=100 Runtime= Podman  Decision=nogo Partition=2/3 Release=1.4.0 Pairs=4"));
    }

    [TestCase("--port", "70000", "--port has the value '70000' from the command line (--port), which is greater than 65535: it must be from 1 to 65535.")]
    [TestCase("--port", "0", "which is less than 1: it must be from 1 to 65535.")]
    [TestCase("--depth", "-3", "--depth has the value '-3' from the command line (--depth), which is less than 1: it must be at least 1.")]
    [TestCase("--coverage", "100.5", "which is greater than 100: it must be from 0 to 100.")]
    [TestCase("--runtime", "nonsense", "--runtime has the value 'nonsense' from the command line (--runtime), which is not a known value: it must be one of auto, podman, docker.")]
    [TestCase("--decision", "Go", "it must be one of go, nogo.")]
    [TestCase("--partition", "5/", "--partition has the value '5/' from the command line (--partition), which does not have that form: it must be N/TOTAL, like 2/3.")]
    [TestCase("--release", "", "--release has the value '' from the command line (--release), which is empty: it must be a value that is not empty")]
    [TestCase("--shards", "11", "--shards has the value '11' from the command line (--shards), which is greater than 10")]
    [TestCase("--pairs", "3", "--pairs has the value '3' from the command line (--pairs), which is odd: it must be an even number.")]
    public async Task A_value_breaking_its_constraint_exits_2_before_anything_runs_naming_the_parameter_value_rule_and_fix(string option, string value, string expected)
    {
        using var root = new TempRoot();
        var run = await Run(root, null, option, value);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
        Assert.That(run.Output, Does.Contain("error: " + option).And.Contain(expected));
        Assert.That(run.Output, Does.Contain($"Fix the value after {option} on the command line"));
        Assert.That(run.Output, Does.Not.Contain("Exception"));
        Assert.That(run.Started, Is.Empty);
    }

    [Test]
    public async Task A_value_from_the_environment_names_the_variable_to_fix()
    {
        using var root = new TempRoot();
        var run = await Run(root, new() { ["PORT"] = "99999" });
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Contain("--port has the value '99999' from environment variable PORT, which is greater than 65535"));
        Assert.That(run.Output, Does.Contain("Fix or unset the environment variable PORT."));
    }

    [Test]
    public async Task A_value_from_parameters_json_names_the_file_and_key()
    {
        using var root = new TempRoot();
        root.Write(".nuke/parameters.json", """{ "Runtime": "kubernetes" }""");
        var run = await Run(root, null);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Contain("--runtime has the value 'kubernetes' from .nuke/parameters.json (\"Runtime\")"));
        Assert.That(run.Output, Does.Contain("Fix the value in .nuke/parameters.json (\"Runtime\")."));
    }

    [Test]
    public async Task A_secret_that_breaks_its_constraint_is_refused_without_repeating_it()
    {
        using var root = new TempRoot();
        var run = await Run(root, null, "--token", "hunter2");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Contain("--token has the value (secret)").And.Not.Contain("hunter2"));
    }

    [Test]
    public async Task The_schema_carries_each_constraint_so_editors_flag_bad_values()
    {
        using var root = new TempRoot();
        var run = await Run(root, null, "--help");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        var schema = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(root.Path, ".nuke/build.schema.json")))!["properties"]!;
        Assert.That(schema["Port"]!.ToJsonString(), Is.EqualTo("""{"type":"integer","minimum":1,"maximum":65535}"""));
        Assert.That(schema["Depth"]!.ToJsonString(), Is.EqualTo("""{"type":"integer","minimum":1}"""));
        Assert.That(schema["Runtime"]!["enum"]!.ToJsonString(), Is.EqualTo("""["auto","podman","docker"]"""));
        Assert.That(schema["Partition"]!["pattern"]!.GetValue<string>(), Is.EqualTo("^[1-9][0-9]*/[1-9][0-9]*$"));
        Assert.That(schema["Release"]!["minLength"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(schema["Shards"]!["items"]!.ToJsonString(), Is.EqualTo("""{"type":"integer","minimum":1,"maximum":10}"""));
    }

    [Test]
    public async Task Help_says_what_each_constrained_parameter_accepts()
    {
        using var root = new TempRoot();
        var run = await Run(root, null, "--help");
        Assert.That(run.Output, Does.Contain("[must be from 1 to 65535]").And.Contain("[must be one of auto, podman, docker]")
            .And.Contain("[must be a value that is not empty (leave the parameter out to use its default)]"));
    }

    private class BrokenPattern : Build
    {
        [Parameter, Pattern("(", "anything")] readonly string? Name;
        Target Show => _ => _.Executes(() => Log.Information($"Name={Name}"));
    }

    [Test]
    public async Task A_constraint_that_cannot_apply_is_a_definition_error_with_exit_2()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<BrokenPattern>(root.Path, "Show", "--name", "x");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Contain("[Pattern(\"(\")] is not a valid regular expression"));
    }
}
