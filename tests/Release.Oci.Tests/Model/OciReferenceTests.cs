using Release.Oci;

namespace Release.Oci.Tests.Model;

public class OciReferenceTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [TestCase("localhost:5000/director", "localhost:5000", "director", null, null)]
    [TestCase("localhost:5000/apps/director:1.4.0_g0156133", "localhost:5000", "apps/director", "1.4.0_g0156133", null)]
    [TestCase("registry.example.internal/team/apps/director:1.4.0", "registry.example.internal", "team/apps/director", "1.4.0", null)]
    [TestCase("127.0.0.1:41000/charts/director@" + Digest, "127.0.0.1:41000", "charts/director", null, Digest)]
    [TestCase("localhost:5000/apps/director:1.4.0_g0156133@" + Digest, "localhost:5000", "apps/director", "1.4.0_g0156133", Digest)]
    [TestCase("oci://localhost:5000/charts/director", "localhost:5000", "charts/director", null, null)]
    [TestCase("oci://registry.example:443/production/charts/director:1.4.0_g0156133@" + Digest, "registry.example:443", "production/charts/director", "1.4.0_g0156133", Digest)]
    [TestCase("localhost/director:latest", "localhost", "director", "latest", null)]
    public void Parses_registry_repository_tag_and_digest(string text, string registry, string repository, string? tag, string? digest)
    {
        var reference = OciReference.Parse(text);

        Assert.That((reference.Registry, reference.Repository, reference.Tag, reference.Digest), Is.EqualTo((registry, repository, tag, digest)));
    }

    [TestCase("localhost:5000/apps/director:1.4.0_g0156133@" + Digest)]
    [TestCase("localhost:5000/apps/director@" + Digest)]
    [TestCase("localhost:5000/apps/director:1.4.0")]
    [TestCase("registry.example.internal/a/b/c")]
    public void Formats_back_to_the_text_it_was_parsed_from(string text) =>
        Assert.That(OciReference.Parse(text).ToString(), Is.EqualTo(text));

    [Test]
    public void The_oci_form_drops_on_parsing_and_is_the_url()
    {
        var reference = OciReference.Parse("oci://localhost:5000/charts/director:1.4.0_g0156133@" + Digest);

        Assert.That(reference.ToString(), Is.EqualTo("localhost:5000/charts/director:1.4.0_g0156133@" + Digest));
        Assert.That(reference.Url, Is.EqualTo("oci://localhost:5000/charts/director"));
        Assert.That(reference.Name, Is.EqualTo("localhost:5000/charts/director"));
    }

    [Test]
    public void A_port_is_not_taken_for_a_tag()
    {
        var reference = OciReference.Parse("localhost:5000/director");

        Assert.That((reference.Registry, reference.Tag), Is.EqualTo(("localhost:5000", (string?)null)));
    }

    [Test]
    public void By_digest_keeps_only_the_digest_and_refuses_a_tag_only_reference()
    {
        Assert.That(OciReference.Parse("localhost:5000/apps/director:1.4.0@" + Digest).ByDigest().ToString(), Is.EqualTo("localhost:5000/apps/director@" + Digest));

        var error = Assert.Throws<ArgumentException>(() => OciReference.Parse("localhost:5000/apps/director:1.4.0").ByDigest());
        Assert.That(error!.Message, Does.Contain("'localhost:5000/apps/director:1.4.0' names no digest").And.Contain("never by tag"));
    }

    [Test]
    public void With_tag_and_with_digest_make_new_checked_values()
    {
        var reference = new OciReference("localhost:5000", "charts/director");

        Assert.That(reference.WithTag("1.4.0_g0156133").WithDigest(Digest).ToString(), Is.EqualTo("localhost:5000/charts/director:1.4.0_g0156133@" + Digest));
        Assert.Throws<ArgumentException>(() => reference.WithTag("1.4.0+g0156133"));
    }

    [TestCase("", "it is empty")]
    [TestCase("director", "names no registry and repository")]
    [TestCase("apps/director:1.4.0", "'apps' is not a registry")]
    [TestCase("localhost:5000/Apps/Director", "repository name 'Apps/Director' is invalid")]
    [TestCase("localhost:5000/apps/director:1.4.0+g0156133", "tag '1.4.0+g0156133' is invalid")]
    [TestCase("localhost:5000/apps/director@sha256:abc", "'sha256:abc' is not a digest")]
    [TestCase("localhost:5000/apps/director:", "tag '' is invalid")]
    [TestCase("localhost:5000/apps director", "holds spaces")]
    [TestCase("https://localhost:5000/apps/director", "only oci:// may come before the registry")]
    public void Bad_input_is_refused_saying_why_where_from_and_the_form(string text, string why)
    {
        var error = Assert.Throws<FormatException>(() => OciReference.Parse(text, "--push-registry"));

        Assert.That(error!.Message, Does.StartWith($"--push-registry: '{text}' is not an OCI reference: ").And.Contain(why)
            .And.Contain("REGISTRY/REPOSITORY[:TAG][@DIGEST]"));
        Assert.That(OciReference.TryParse(text, out var reference, out var problem), Is.False);
        Assert.That(reference, Is.Null);
        Assert.That(problem, Does.Contain(why));
    }

    [Test]
    public void The_constructor_checks_each_part()
    {
        Assert.Throws<ArgumentException>(() => new OciReference("localhost:5000", "Apps"));
        Assert.Throws<ArgumentException>(() => new OciReference("localhost:5000/x", "apps"));
        Assert.Throws<ArgumentException>(() => new OciReference("localhost:5000", "apps", digest: "1.4.0"));
        Assert.That(new OciReference("registry", "apps").ToString(), Is.EqualTo("registry/apps"), "an explicit registry part needs no dot");
    }

    [Test]
    public void Equal_parts_are_equal_values() =>
        Assert.That(OciReference.Parse("oci://localhost:5000/charts/director@" + Digest), Is.EqualTo(new OciReference("localhost:5000", "charts/director", digest: Digest)));
}
