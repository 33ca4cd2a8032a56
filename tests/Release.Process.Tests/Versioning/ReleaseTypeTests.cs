using Release.Process.Versioning;

namespace Release.Process.Tests.Versioning;

public class ReleaseTypeTests
{
    [TestCase("major", ReleaseType.Feature, VersionBump.Minor)]
    [TestCase("MINOR", ReleaseType.EmergencyFix, VersionBump.Patch)]
    [TestCase("Breaking", ReleaseType.Breaking, VersionBump.Major)]
    [TestCase("patch", ReleaseType.Patch, VersionBump.Patch)]
    public void Seed_words_map_to_release_types_and_bumps(string word, ReleaseType type, VersionBump bump)
    {
        Assert.That(ReleaseTypes.FromSeedWord(word), Is.EqualTo(type));
        Assert.That(type.ToBump(), Is.EqualTo(bump));
    }

    [TestCase("huge")]
    [TestCase("3")]
    [TestCase("")]
    public void Unknown_words_are_refused_with_the_accepted_words(string word)
    {
        var error = Assert.Throws<ArgumentException>(() => ReleaseTypes.FromSeedWord(word));
        Assert.That(error!.Message, Does.Contain("'major'").And.Contain("'minor'"));
    }
}
