using Release.Stages.BuildImage;
using Release.Testing.Git;

namespace Release.Stages.Tests;

/// <summary>The image's source label is one address per repository, whatever the checkout's remote looks like.</summary>
public class ImageSourceUrlTests
{
    [TestCase("https://gitlab-ci-token:glcbt-secret-token-0123@gitlab.example.com/group/app.git", "https://gitlab.example.com/group/app")]
    [TestCase("git@gitlab.example.com:group/app.git", "https://gitlab.example.com/group/app")]
    [TestCase("ssh://git@gitlab.example.com:2222/group/app.git", "https://gitlab.example.com/group/app")]
    [TestCase("https://gitlab.example.com/group/app/", "https://gitlab.example.com/group/app")]
    [TestCase("file:///srv/git/app.git", "file:///srv/git/app.git")]
    public void A_remote_address_becomes_one_credential_free_https_address(string remote, string label) =>
        Assert.That(ImageSourceUrl.Normalize(remote), Is.EqualTo(label));

    [Test]
    public async Task A_local_checkout_is_named_by_its_origin_and_without_one_gets_no_label()
    {
        using var checkout = await TempGitRepository.CreateAsync();
        var (none, why) = await ImageSourceUrl.ResolveAsync(checkout.Path, CancellationToken.None);
        Assert.That(none, Is.Null);
        Assert.That(why, Does.Contain("has no origin remote"));

        await checkout.GitAsync(["remote", "add", "origin", "https://user:password-0123456789@git.example.com/team/app.git"]);
        var (url, _) = await ImageSourceUrl.ResolveAsync(checkout.Path, CancellationToken.None);
        Assert.That(url, Is.EqualTo("https://git.example.com/team/app"));
    }
}
