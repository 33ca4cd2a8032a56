namespace Release.Containers.Tests.Builders;

public class ImageReferenceTests
{
    [TestCase("localhost:5000/base/aspnet:10.0", "localhost:5000", "base/aspnet", "10.0", null)]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:10.0", "mcr.microsoft.com", "dotnet/aspnet", "10.0", null)]
    [TestCase("nginx", "docker.io", "library/nginx", "latest", null)]
    [TestCase("team/app", "docker.io", "team/app", "latest", null)]
    [TestCase("localhost/app", "localhost", "app", "latest", null)]
    public void Parses_like_docker(string text, string registry, string repository, string? tag, string? digest) =>
        Assert.That(ImageReference.Parse(text), Is.EqualTo(new ImageReference(registry, repository, tag, digest)));

    [Test]
    public void A_digest_is_kept_and_used_as_the_manifest_reference()
    {
        var digest = "sha256:" + new string('a', 64);
        var reference = ImageReference.Parse($"registry.example.com:443/app@{digest}");
        Assert.That(reference.Tag, Is.Null);
        Assert.That(reference.ManifestReference, Is.EqualTo(digest));
        Assert.That(reference.ToString(), Is.EqualTo($"registry.example.com:443/app@{digest}"));
    }

    [TestCase("")]
    [TestCase("UPPER/case")]
    [TestCase("a b")]
    public void Rejects_what_is_not_a_reference(string text) =>
        Assert.That(Assert.Throws<FormatException>(() => ImageReference.Parse(text))!.Message, Does.Contain("is not an image reference"));
}
