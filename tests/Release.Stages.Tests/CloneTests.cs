using Release.Stages.Tests.Support;

namespace Release.Stages.Tests;

/// <summary>Clone against real repositories: versions per branch and tag, and clear errors for what does not exist.</summary>
public class CloneTests
{
    [Test]
    public async Task A_feature_branch_gets_a_minor_bump_with_an_alpha_pre_release_of_the_branch()
    {
        using var repository = await DirectorRepository.CreateAsync();
        await repository.PushBranchAsync("feature/Login", _ => repository.Work.WriteFile("samples/director/LOGIN.md", "x\n"), "feat: login");
        var run = await StageRun.RunAsync<PipelineBuild>(repository.BuildRoot.Path, "Clone",
            "--source-repository", repository.RemoteUrl, "--source-ref", "feature/Login");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        var source = Json.Read(repository.BuildRoot.Combine("artifacts/modules/director/clone/source.json"));
        var sha = source.GetProperty("shortCommit").GetString();
        Assert.That(source.GetProperty("branch").GetString(), Is.EqualTo("feature/Login"));
        Assert.That(source.GetProperty("version").GetString(), Is.EqualTo("1.1.0-alpha.feature-login.2"));
        Assert.That(source.GetProperty("chartVersion").GetString(), Is.EqualTo($"1.1.0-alpha.feature-login.2.g{sha}"));
    }

    [Test]
    public async Task Clone_computes_the_version_chart_version_and_image_tag_once_and_a_release_type_decides_the_bump()
    {
        using var repository = await DirectorRepository.CreateAsync();
        var plain = await StageRun.RunAsync<PipelineBuild>(repository.BuildRoot.Path, "Clone", "--source-repository", repository.RemoteUrl);
        Assert.That(plain.ExitCode, Is.EqualTo(0), plain.Output);
        var before = Json.Read(repository.BuildRoot.Combine("artifacts/modules/director/clone/source.json"));
        Assert.That(before.GetProperty("version").GetString(), Does.StartWith("1."));
        Assert.That(before.TryGetProperty("releaseType", out _), Is.False);

        var run = await StageRun.RunAsync<PipelineBuild>(repository.BuildRoot.Path, "Clone", "--source-repository", repository.RemoteUrl, "--release-type", "Breaking");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        var source = Json.Read(repository.BuildRoot.Combine("artifacts/modules/director/clone/source.json"));
        var sha = source.GetProperty("shortCommit").GetString();
        var version = source.GetProperty("version").GetString();
        Assert.That(version, Does.StartWith("2.0.0"), "a breaking release bumps the major version");
        Assert.That(source.GetProperty("releaseType").GetString(), Is.EqualTo("Breaking"));
        Assert.That(source.GetProperty("chartVersion").GetString(), Is.EqualTo($"{version}+g{sha}"));
        Assert.That(source.GetProperty("imageTag").GetString(), Is.EqualTo($"{version}_g{sha}"), "the one tag Build and Push use");
        Assert.That(source.GetProperty("imageTags").EnumerateArray().Select(t => t.GetString()), Does.Contain($"{version}_g{sha}").And.Contain(version));
    }

    [Test]
    public async Task An_unknown_release_type_is_refused_naming_the_parameter()
    {
        using var root = StageRoot.Create();
        var run = await StageRun.RunAsync<PipelineBuild>(root.Path, "Clone", "--release-type", "huge");
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
        Assert.That(run.Output, Does.Contain("--release-type").And.Contain("huge"));
        Assert.That(root.Combine("artifacts/modules/director/clone"), Does.Not.Exist);
    }

    [Test]
    public async Task A_release_tag_checked_out_gives_the_released_version_and_lists_the_tag()
    {
        using var repository = await DirectorRepository.CreateAsync();
        var run = await StageRun.RunAsync<PipelineBuild>(repository.BuildRoot.Path, "Clone",
            "--source-repository", repository.RemoteUrl, "--source-ref", "v1.0.0", "--version-branch", "main");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        var source = Json.Read(repository.BuildRoot.Combine("artifacts/modules/director/clone/source.json"));
        Assert.That(source.GetProperty("version").GetString(), Is.EqualTo("1.0.0"));
        Assert.That(source.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Is.EqualTo(new[] { "v1.0.0" }));
    }

    [Test]
    public async Task The_default_repository_is_the_builds_own_root()
    {
        using var repository = await DirectorRepository.CreateAsync();
        // A build living inside the repository it ships: no --source-repository.
        Directory.CreateDirectory(Path.Combine(repository.Work.Path, ".nuke"));
        var run = await StageRun.RunAsync<PipelineBuild>(repository.Work.Path, "Clone");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        var source = Json.Read(Path.Combine(repository.Work.Path, "artifacts/modules/director/clone/source.json"));
        Assert.That(source.GetProperty("commit").GetString(), Is.EqualTo(await repository.Work.HeadAsync()));
        Assert.That(source.GetProperty("repository").GetString(), Is.EqualTo(repository.Work.Path));
    }

    [Test]
    public async Task A_repository_that_does_not_exist_is_named_with_the_fix_and_nothing_is_written()
    {
        using var root = StageRoot.Create();
        var missing = Path.Combine(root.Path, "no-such-repository");
        var run = await StageRun.RunAsync<PipelineBuild>(root.Path, "Clone", "--source-repository", missing);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
        Assert.That(run.Output, Does.Contain($"the repository '{missing}' (--source-repository) does not exist"));
        Assert.That(run.Output, Does.Contain("To fix"));
        Assert.That(root.Combine("artifacts/modules/director/clone"), Does.Not.Exist);
        Assert.That(Directory.GetFileSystemEntries(root.Combine(".nuke/temp/workspace")), Is.Empty, "no workspace, no staging folder");
    }

    [Test]
    public async Task A_branch_that_does_not_exist_is_named_with_the_fix_and_nothing_is_written()
    {
        using var repository = await DirectorRepository.CreateAsync();
        var good = await StageRun.RunAsync<PipelineBuild>(repository.BuildRoot.Path, "Clone", "--source-repository", repository.RemoteUrl);
        Assert.That(good.ExitCode, Is.EqualTo(0), good.Output);
        var run = await StageRun.RunAsync<PipelineBuild>(repository.BuildRoot.Path, "Clone",
            "--source-repository", repository.RemoteUrl, "--source-ref", "release/9.9");
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
        Assert.That(run.Output, Does.Contain("'release/9.9' (--source-ref) does not exist in").And.Contain(repository.RemoteUrl).And.Contain("To fix"));
        Assert.That(repository.BuildRoot.Combine("artifacts/modules/director/clone"), Does.Not.Exist, "the earlier run's source.json is gone too");
        Assert.That(repository.BuildRoot.Combine(".nuke/temp/workspace/director"), Does.Not.Exist);
    }

    [Test]
    public async Task A_module_folder_that_does_not_exist_is_named()
    {
        using var repository = await DirectorRepository.CreateAsync();
        var run = await StageRun.RunAsync<PipelineBuild>(repository.BuildRoot.Path, "Clone",
            "--source-repository", repository.RemoteUrl, "--module-directory", "samples/nothing");
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
        Assert.That(run.Output, Does.Contain("'samples/nothing' does not exist").And.Contain("--module-directory"));
    }
}
