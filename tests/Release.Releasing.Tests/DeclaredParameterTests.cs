using Release.Engine.Hosting;
using Release.Testing;

namespace Release.Releasing.Tests;

/// <summary>
/// The bad inputs found accepted (or crashing) on this repository's own build: each is refused by its declaration
/// before anything is planned or run, with exit code 2, a message naming the parameter as --kebab-case, the value, what
/// is allowed and the fix, and no .NET exception type.
/// </summary>
public class DeclaredParameterTests
{
    [TestCase("Deploy", "--container-port", "70000", "which is greater than 65535: it must be from 1 to 65535")]
    [TestCase("Test", "--partition", "5/3", "which is not a partition: it must be N/TOTAL with 1 <= N <= TOTAL")]
    [TestCase("Version", "--release-type", "huge", "which is not a known value: it must be one of major, minor, Patch, Feature, EmergencyFix, Breaking")]
    [TestCase("Deploy", "--local-runtime", "nonsense", "which is not a known value: it must be one of auto, podman, docker, process")]
    [TestCase("Bless", "--release", "", "which is empty: it must be a value that is not empty")]
    [TestCase("Bless", "--release", "latest", "which does not have that form: it must be a SemVer version like 1.4.0")]
    [TestCase("BlessSet", "--set", "latest", "which does not have that form: it must be a SemVer version like 2.3.0")]
    [TestCase("UnitTest", "--test-filter", "(((", "which has an unclosed '(' at position 1: it must be a dotnet test filter")]
    [TestCase("Deploy", "--health-timeout", "-1", "which is less than 1: it must be from 1 to 86400")]
    [TestCase("Clone", "--clone-depth", "-3", "which is less than 1: it must be at least 1")]
    [TestCase("Push", "--push-tag", ".latest", "which does not have that form: it must be an OCI tag")]
    [TestCase("Push", "--push-repository", "Apps/Director", "which does not have that form: it must be an OCI repository name")]
    [TestCase("Chart", "--chart-registry", "https://registry.example/charts", "which does not have that form: it must be an OCI location oci://REGISTRY/PATH")]
    [TestCase("Scan", "--audit-sources", "ftp://nuget.example/v3/index.json", "which does not have that form: it must be an http(s) URL of a NuGet service index")]
    [TestCase("Clone", "--source-repository", " ", "which is empty")]
    public async Task A_bad_value_exits_2_before_anything_runs_naming_the_parameter_and_the_fix(string target, string option, string value, string expected)
    {
        using var root = new TempDirectory("release-bad-input");
        Directory.CreateDirectory(Path.Combine(root.Path, ".nuke"));
        var writer = new StringWriter();
        var options = new BuildHostOptions
        {
            RootDirectory = root.Path, Environment = new Dictionary<string, string>(), Output = writer, Interactive = false, WriteSchema = false,
        };

        var code = await BuildHost.RunAsync<global::Release.Build.Build>([target, option, value], null, options, CancellationToken.None);

        var output = writer.ToString();
        Assert.That(code, Is.EqualTo(2), output);
        Assert.That(output, Does.StartWith($"error: {option} has the value '{value}' from the command line ({option}), {expected}"));
        Assert.That(output, Does.Contain($"Fix the value after {option} on the command line"));
        Assert.That(output, Does.Not.Contain("Exception"));
        Assert.That(output.Trim().Split('\n'), Has.Length.EqualTo(1), "nothing was planned or run");
    }
}
