using Release.Helm.Packaging;

namespace Release.Helm.Tests.Packaging;

public class HelmIgnoreTests
{
    private static readonly HelmIgnore Rules = HelmIgnore.Parse("""
        # comment
        *.bak
        .git/
        docs/*.md
        secret?.txt
        !keep.bak
        """);

    [TestCase("values.yaml", false)]
    [TestCase("old.bak", true)]
    [TestCase("templates/old.bak", true)]
    [TestCase("keep.bak", false)]
    [TestCase(".git/HEAD", true)]
    [TestCase("sub/.git/config", true)]
    [TestCase("docs/readme.md", true)]
    [TestCase("docs/deep/readme.md", false)]
    [TestCase("secret1.txt", true)]
    [TestCase("secret12.txt", false)]
    public void Applies_gitignore_like_rules(string path, bool ignored) => Assert.That(Rules.IsIgnored(path), Is.EqualTo(ignored));

    [Test]
    public void Folder_only_rule_does_not_match_a_file_of_that_name() =>
        Assert.That(HelmIgnore.Parse("build/\n").IsIgnored("build"), Is.False);
}
