using Release.Stages.Tests.Support;

namespace Release.Stages.Tests;

/// <summary><c>--test-filter</c> reaches <c>dotnet test --filter</c> in the UnitTest stage; it was once silently ignored there.</summary>
[NonParallelizable]
public class UnitTestFilterTests
{
    [Test]
    public async Task UnitTest_runs_only_the_tests_the_filter_selects()
    {
        using var repository = await DirectorRepository.CreateAsync(module => File.WriteAllText(
            Path.Combine(module, "tests/Director.Tests/FilteredOutTests.cs"),
            "namespace Director.Tests;\npublic class FilteredOutTests\n{\n    [Test]\n    public void Fails_unless_filtered_out() => Assert.Fail(\"the filter was ignored\");\n}\n"));

        var run = await StageRun.RunAsync<PipelineBuild>(repository.BuildRoot.Path, "UnitTest", "--source-repository", repository.RemoteUrl,
            "--test-filter", "FullyQualifiedName!~FilteredOutTests");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Output, Does.Contain("--filter 'FullyQualifiedName!~FilteredOutTests'"));
        var summary = Json.Read(repository.BuildRoot.Combine("artifacts/modules/director/unit-tests/summary.json"));
        Assert.That(summary.GetProperty("failed").GetInt32(), Is.EqualTo(0));
        Assert.That(summary.GetProperty("passed").GetInt32(), Is.GreaterThan(0));
    }

    [TestCase("(((", "has an unclosed '(' at position 1")]
    [TestCase("Name=", "has a condition 'Name=' with no value after its operator")]
    [TestCase("A|", "has an empty condition at position 3")]
    [TestCase("(A)B", "has text right after a ')' at position 4")]
    [TestCase("A)", "has a ')' without its '(' at position 2")]
    public async Task A_malformed_filter_is_refused_with_exit_2_before_anything_runs(string filter, string problem)
    {
        using var root = new Release.Testing.TempDirectory("release-test-filter");
        var run = await StageRun.RunAsync<PipelineBuild>(root.Path, "UnitTest", "--test-filter", filter);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
        Assert.That(run.Output, Does.Contain($"--test-filter has the value '{filter}' from the command line (--test-filter), which {problem}"));
        Assert.That(run.Started, Is.Empty);
    }

    [TestCase("FullyQualifiedName~Orders&TestCategory!=Slow")]
    [TestCase("(Name=A|Name=B)&Priority=1")]
    [TestCase("Orders")]
    [TestCase("Name=With\\(paren\\)")]
    public void A_well_formed_filter_is_accepted(string filter) =>
        Assert.That(new UnitTest.TestFilterAttribute().Check(filter), Is.Null);
}
