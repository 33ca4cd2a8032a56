using Release.Stages.Tests.Support;

namespace Release.Stages.Tests;

public class SmokeTests
{
    [Test]
    public async Task Clone_and_build()
    {
        using var repo = await DirectorRepository.CreateAsync();
        var run = await StageRun.RunAsync<PipelineBuild>(repo.BuildRoot.Path, "Build", "--source-repository", repo.RemoteUrl);
        await TestContext.Progress.WriteLineAsync(run.Output);
        Assert.That(run.ExitCode, Is.EqualTo(0));
    }
}
