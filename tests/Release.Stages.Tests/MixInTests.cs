using Release.Engine;
using Release.Engine.Hosting;

namespace RepositoryBuildCheck
{
    using Release.Stages.Scan;
    using Release.Stages.UnitTest;

    /// <summary>Shaped like build/Build.cs (a class named Build with Configuration, Solution, Compile, Test) plus the stages.</summary>
    internal sealed class Build : Release.Engine.Build, IScan, IUnitTest
    {
        [Parameter("Configuration of the repository's own projects")]
        readonly string Configuration = "Release";

        AbsolutePath Solution => RootDirectory / "Release.sln";

        Target Compile => _ => _.Executes(() => Log.Information($"{Configuration} {Solution}"));

        Target Test => _ => _.DependsOn(Compile).Executes(() => { });
    }
}

namespace Release.Stages.Tests
{
    /// <summary>The stage components mix into a build class like the repository's own without clashes.</summary>
    public class MixInTests
    {
        [Test]
        public async Task The_stages_mix_into_a_repository_build_class()
        {
            using var root = Support.StageRoot.Create();
            var graph = await BuildHost.InspectAsync<RepositoryBuildCheck.Build>(new BuildHostOptions { RootDirectory = root.Path, WriteSchema = false, Environment = new Dictionary<string, string>() });
            foreach (var target in new[] { "Clone", "Build", "UnitTest", "Scan", "Compile", "Test" })
                Assert.That(graph.Find(target), Is.Not.Null, target);
            Assert.That(graph.Find("Scan")!.DependsOn, Does.Contain("Build"));
        }

        [Test]
        public async Task Help_lists_the_stage_parameters()
        {
            using var root = Support.StageRoot.Create();
            var run = await Support.StageRun.RunAsync<RepositoryBuildCheck.Build>(root.Path, "--help");
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
            foreach (var parameter in new[] { "--source-repository", "--source-ref", "--clone-depth", "--base-image", "--registry", "--coverage-threshold", "--audit-sources", "--osv-directory", "--fail-severity", "--allowlist", "--accept-missing-advisory-data" })
                Assert.That(run.Output, Does.Contain(parameter));
        }
    }
}
