using Release.Releasing.Versioning;
using Release.Testing.Git;

namespace Release.Releasing.Tests.Versioning;

/// <summary>A library versioning itself (Pack) gets the release rules' version of its own checkout.</summary>
public class RepositoryVersionTests
{
    [Test]
    public async Task Without_a_tag_a_feature_branch_gets_a_pre_release_with_its_name_and_height()
    {
        using var repository = await TempGitRepository.CreateAsync();
        await repository.CommitFileAsync("a.txt", "a", "chore: start");
        await repository.CreateBranchAsync("feature/pack");
        await repository.CommitFileAsync("b.txt", "b", "feat: packages");

        var version = await RepositoryVersion.CalculateAsync(repository.Path);

        Assert.That(version.Version.ToString(), Does.StartWith("0.1.0-alpha.").And.EndWith(".2"));
    }

    [Test]
    public async Task On_main_after_a_release_tag_a_fix_is_the_next_patch()
    {
        using var repository = await TempGitRepository.CreateAsync();
        await repository.CommitFileAsync("a.txt", "a", "feat: first");
        await repository.TagAsync("v1.4.0", "release 1.4.0");
        await repository.CommitFileAsync("b.txt", "b", "fix: second");

        var version = await RepositoryVersion.CalculateAsync(repository.Path);

        Assert.That(version.Version.ToString(), Is.EqualTo("1.4.1"));
    }
}
