using Release.Testing.Network;
using Release.Stages.Tests.Support;

namespace Release.Stages.Tests;

/// <summary>Bad input and failures of Build and UnitTest: clear errors naming the place and the fix, nothing half-written.</summary>
[NonParallelizable]
public class BuildAndUnitTestFailureTests
{
    [Test]
    public async Task A_compile_error_is_shown_with_file_and_line_and_no_image_is_recorded()
    {
        using var repository = await DirectorRepository.CreateAsync(module =>
            File.AppendAllText(Path.Combine(module, "src/Director/BuildInfo.cs"), "\nclass Broken { int x = ; }\n"));
        var lines = File.ReadAllLines(Path.Combine(repository.Module, "src/Director/BuildInfo.cs")).Length;
        var run = await StageRun.RunAsync<PipelineBuild>(repository.BuildRoot.Path, "Build", "--source-repository", repository.RemoteUrl);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output);
        Assert.That(run.StatusOf("Build"), Is.EqualTo("Failed"));
        Assert.That(run.Output, Does.Contain($"samples/director/src/Director/BuildInfo.cs({lines},").And.Contain("error CS"));
        Assert.That(run.Output, Does.Contain("does not compile"));
        Assert.That(repository.BuildRoot.Combine("artifacts/modules/director/build"), Does.Not.Exist);
    }

    [Test]
    public async Task A_base_image_that_cannot_be_pulled_is_named_with_how_to_use_a_mirror()
    {
        using var repository = await DirectorRepository.CreateAsync();
        var unreachable = $"localhost:{FreePort.Next()}/dotnet/aspnet:10.0";
        var run = await StageRun.RunAsync<PipelineBuild>(repository.BuildRoot.Path, "Build",
            "--source-repository", repository.RemoteUrl, "--base-image", unreachable);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output);
        Assert.That(run.Output, Does.Contain($"The base image '{unreachable}' cannot be pulled").And.Contain("--base-image"));
        Assert.That(run.Output, Does.Not.Contain("[Build] > dotnet build"), "checked before compiling");
        Assert.That(repository.BuildRoot.Combine("artifacts/modules/director/build"), Does.Not.Exist);
    }

    [Test]
    public async Task A_failing_unit_test_fails_the_stage_after_writing_complete_reports()
    {
        using var repository = await DirectorRepository.CreateAsync(module => File.WriteAllText(
            Path.Combine(module, "tests/Director.Tests/FailingTests.cs"),
            "namespace Director.Tests;\npublic class FailingTests\n{\n    [Test]\n    public void Always_fails() => Assert.That(1, Is.EqualTo(2), \"deliberately broken\");\n}\n"));
        var run = await StageRun.RunAsync<PipelineBuild>(repository.BuildRoot.Path, "UnitTest", "--source-repository", repository.RemoteUrl);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output);
        Assert.That(run.Output, Does.Contain("1 test(s) failed").And.Contain("Director.Tests.FailingTests.Always_fails").And.Contain("deliberately broken"));
        var summary = Json.Read(repository.BuildRoot.Combine("artifacts/modules/director/unit-tests/summary.json"));
        Assert.That(summary.GetProperty("failed").GetInt32(), Is.EqualTo(1));
        Assert.That(summary.GetProperty("passed").GetInt32(), Is.GreaterThan(0));
        var junit = File.ReadAllText(repository.BuildRoot.Combine("artifacts/modules/director/unit-tests/Director.Tests.junit.xml"));
        Assert.That(junit, Does.Contain("<failure message=\"").And.Contain("deliberately broken"));

        var strict = await StageRun.RunAsync<PipelineBuild>(repository.BuildRoot.Path, "UnitTest", "--skip", "Clone", "--coverage-threshold", "100",
            "--unit-test-projects", "tests/Director.Tests/Director.Tests.csproj");
        Assert.That(strict.ExitCode, Is.EqualTo(1), strict.Output);
        Assert.That(strict.Output, Does.Contain("1 test(s) failed"), "a failing test is reported first");
    }

    [Test]
    public async Task A_test_project_that_executes_no_test_fails_the_stage_saying_so_unless_the_module_declares_it_has_none()
    {
        using var repository = await DirectorRepository.CreateAsync(module =>
        {
            foreach (var file in Directory.GetFiles(Path.Combine(module, "tests/Director.Tests"), "*.cs")) File.Delete(file);
            File.WriteAllText(Path.Combine(module, "tests/Director.Tests/Placeholder.cs"), "namespace Director.Tests;\npublic class Placeholder { }\n");
        });
        var run = await StageRun.RunAsync<PipelineBuild>(repository.BuildRoot.Path, "UnitTest", "--source-repository", repository.RemoteUrl);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output);
        Assert.That(run.Output, Does.Contain("UnitTest: Director.Tests executed no test").And.Contain("--allow-no-unit-tests"));
        Assert.That(repository.BuildRoot.Combine("artifacts/modules/director/unit-tests/summary.json"), Does.Not.Exist, "no summary claims a result");

        // Declared: accepted with a warning; coverage is then 0%, so only a deliberate threshold of 0 lets it pass.
        var declared = await StageRun.RunAsync<PipelineBuild>(repository.BuildRoot.Path, "UnitTest", "--skip", "Clone",
            "--allow-no-unit-tests", "--coverage-threshold", "0");
        Assert.That(declared.ExitCode, Is.EqualTo(0), declared.Output);
        Assert.That(declared.Output, Does.Contain("Director.Tests executed no test").And.Contain("Accepted: --allow-no-unit-tests"));
        Assert.That(Json.Read(repository.BuildRoot.Combine("artifacts/modules/director/unit-tests/summary.json")).GetProperty("passed").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task Line_coverage_under_the_threshold_fails_the_stage()
    {
        using var repository = await DirectorRepository.CreateAsync();
        var run = await StageRun.RunAsync<PipelineBuild>(repository.BuildRoot.Path, "UnitTest", "--source-repository", repository.RemoteUrl,
            "--coverage-threshold", "99.9");
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output);
        Assert.That(run.Output, Does.Contain("is below the threshold of 99.9% (--coverage-threshold)"));
        Assert.That(repository.BuildRoot.Combine("artifacts/modules/director/unit-tests/summary.json"), Does.Exist, "the metrics are still recorded");
    }
}
