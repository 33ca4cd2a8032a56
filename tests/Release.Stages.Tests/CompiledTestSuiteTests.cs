using System.Xml.Linq;
using Release.Stages.Tests.Support;
using Release.Stages.UnitTest;
using Release.Tooling.DotNet;

namespace Release.Stages.Tests;

/// <summary>
/// The repository's Test target logic on real <c>dotnet test --no-build</c> runs: a run that executes no test fails,
/// whatever dotnet test's exit code says (it is 0 for an assembly that was never built).
/// </summary>
[NonParallelizable]
public class CompiledTestSuiteTests
{
    private TinyTestProjects _projects = null!;
    private readonly List<string> _log = [];

    [OneTimeSetUp]
    public async Task CompileTinyProjects() => _projects = await TinyTestProjects.CreateAsync();

    [OneTimeTearDown]
    public void Delete() => _projects.Dispose();

    private Task<CompiledTestSuiteResult> RunAsync(string[] projects, string? filter = null, bool emptyAllowed = false) =>
        new CompiledTestSuite(new TestProjectRunner(new DotNetClient()), _log.Add).RunAsync(projects.Select(_projects.Project).ToList(), new CompiledTestSuiteOptions
        {
            ResultsDirectory = _projects.NewResultsDirectory(),
            Configuration = "Release",
            Filter = filter,
            EmptyAllowed = emptyAllowed,
            NothingToRun = "Test partition 3/3 has nothing to run.",
        }, CancellationToken.None);

    [Test]
    public async Task A_test_project_whose_assembly_was_never_built_fails_naming_it_and_the_fix()
    {
        var result = await RunAsync(["Tiny.Tests", "Unbuilt.Tests"], filter: "TestCategory!=Broken");
        Assert.That(result.Passed, Is.False, result.Figure);
        Assert.That(result.Failures, Has.Exactly(1).Contains("Unbuilt.Tests: assembly not built").And.Contains("run Compile first"));
        Assert.That(result.Figure, Does.Contain("2 passed").And.Contain("1 left no results"));
    }

    [Test]
    public async Task An_earlier_runs_results_do_not_stand_in_for_a_project_that_left_none()
    {
        var results = _projects.NewResultsDirectory();
        Directory.CreateDirectory(results);
        File.WriteAllText(Path.Combine(results, "Unbuilt.Tests.trx"), "<TestRun />");
        File.WriteAllText(Path.Combine(results, "Unbuilt.Tests.junit.xml"), "<testsuites tests=\"1\" />");
        var result = await new CompiledTestSuite(new TestProjectRunner(new DotNetClient()), _log.Add).RunAsync([_projects.Project("Unbuilt.Tests")],
            new CompiledTestSuiteOptions { ResultsDirectory = results, Configuration = "Release" }, CancellationToken.None);
        Assert.That(result.Failures, Has.Exactly(1).Contains("assembly not built"));
        Assert.That(Directory.GetFiles(results), Is.Empty);
    }

    [Test]
    public async Task A_compiled_project_leaves_a_trx_and_junit_xml_whose_counts_are_reported()
    {
        var result = await RunAsync(["Tiny.Tests"], filter: "TestCategory!=Broken");
        Assert.That(result.Failures, Is.Empty);
        Assert.That(result.Figure, Is.EqualTo("1 project(s): 2 passed, 0 failed, 0 skipped"));
        var junit = XDocument.Load(Path.ChangeExtension(result.Runs[0].Trx, ".junit.xml")).Root!;
        Assert.That((int)junit.Attribute("tests")!, Is.EqualTo(2));
        Assert.That(junit.Descendants("testcase").Select(c => (string?)c.Attribute("name")), Is.EquivalentTo(new[] { "Adds", "Concatenates" }));
    }

    [Test]
    public async Task A_failing_test_fails_the_run_and_is_in_the_junit_xml()
    {
        var result = await RunAsync(["Tiny.Tests"]);
        Assert.That(result.Failures, Is.EqualTo(new[] { $"Tiny.Tests: 1 test(s) failed; see {result.Runs[0].Trx}." }));
        Assert.That(File.ReadAllText(Path.ChangeExtension(result.Runs[0].Trx, ".junit.xml")), Does.Contain("deliberately broken"));
    }

    [Test]
    public async Task A_project_that_executes_no_test_fails()
    {
        var result = await RunAsync(["Empty.Tests"]);
        Assert.That(result.Passed, Is.False);
        Assert.That(result.Failures, Has.Exactly(1).Contains("Empty.Tests executed no test"));
    }

    [Test]
    public async Task A_partition_with_nothing_to_run_says_so_and_fails_unless_allowed()
    {
        var empty = await RunAsync([]);
        Assert.That(empty.Failures, Is.EqualTo(new[] { "Test partition 3/3 has nothing to run." }));
        Assert.That(empty.Figure, Does.Contain("nothing to run"));
        var allowed = await RunAsync([], emptyAllowed: true);
        Assert.That(allowed.Passed, Is.True);
        Assert.That(_log, Does.Contain("Test partition 3/3 has nothing to run."), "said even when allowed");
    }

    [Test]
    public async Task With_a_filter_a_project_without_matches_is_noted_but_a_run_matching_nothing_anywhere_fails()
    {
        var some = await RunAsync(["Tiny.Tests", "Empty.Tests"], filter: "Name=Adds");
        Assert.That(some.Failures, Is.Empty, string.Join('\n', some.Failures));
        Assert.That(some.Figure, Does.StartWith("2 project(s): 1 passed"));

        var none = await RunAsync(["Tiny.Tests", "Empty.Tests"], filter: "Name=Nope");
        Assert.That(none.Failures, Is.EqualTo(new[] { "No test matches the filter 'Name=Nope' in any of the 2 test project(s): the run executed no test." }));
    }
}
