using Release.CI.Planning;

namespace Release.CI.Tests;

/// <summary>Which produced globs are taken to hold a consumed glob: conservatively, within the same literal directory.</summary>
public class ArtifactGlobsTests
{
    [TestCase("artifacts/build/**", "artifacts/build/image.json")]
    [TestCase("artifacts/deploy/*.json", "artifacts/deploy/staging.json")]
    [TestCase("artifacts/push/push.json", "artifacts/push/push.json")]
    [TestCase("./artifacts/push/push.json", "artifacts/push/push.json")]
    [TestCase("artifacts/scan/*.json", "artifacts/scan/sbom-*.json")]
    public void Match(string produced, string consumed) => Assert.That(ArtifactGlobs.CanMatch(produced, consumed), Is.True);

    [TestCase("artifacts/unit-tests/**", "artifacts/build/image.json")]
    [TestCase("artifacts/deploy/*.json", "artifacts/deploy/staging.yaml")]
    [TestCase("artifacts/push/push.json", "artifacts/push/other.json")]
    [TestCase("artifacts/**", "artifacts/build/image.json")]
    [TestCase("artifacts/build/*.json", "artifacts/build/layout/index.json")]
    [TestCase("artifacts/build/**", "artifacts/build/layout/index.json")]
    public void No_match(string produced, string consumed) => Assert.That(ArtifactGlobs.CanMatch(produced, consumed), Is.False);
}
