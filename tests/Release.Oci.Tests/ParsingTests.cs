using System.Net.Http.Headers;
using Release.Foundation.Oci;
using Release.Oci.Auth;

namespace Release.Oci.Tests;

public class ParsingTests
{
    [Test]
    public void A_digest_round_trips_and_matches_the_sha256_of_the_content()
    {
        var digest = OciDigest.Compute("abc"u8);

        Assert.That(digest.ToString(), Is.EqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        Assert.That(OciDigest.Parse(digest.ToString()), Is.EqualTo(digest));
    }

    [TestCase("sha256:abc")]
    [TestCase("SHA256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [TestCase("md5:900150983cd24fb0d6963f7d28e17f72")]
    [TestCase("latest")]
    public void An_invalid_digest_is_refused_with_the_expected_shape(string text)
    {
        var error = Assert.Throws<FormatException>(() => OciDigest.Parse(text));

        Assert.That(error!.Message, Does.Contain(text).And.Contain("64 lower-case hex"));
    }

    [TestCase("localhost:5000", "http://localhost:5000/", "localhost:5000")]
    [TestCase("127.0.0.1:5000", "http://127.0.0.1:5000/", "127.0.0.1:5000")]
    [TestCase("registry.example.com", "https://registry.example.com/", "registry.example.com")]
    [TestCase("https://registry.example.com:8443/", "https://registry.example.com:8443/", "registry.example.com:8443")]
    public void Registry_addresses_choose_http_for_loopback_and_https_otherwise(string text, string uri, string host)
    {
        var address = RegistryAddress.Parse(text);

        Assert.That(address.BaseUri.ToString(), Is.EqualTo(uri));
        Assert.That(address.Host, Is.EqualTo(host));
    }

    [Test]
    public void A_registry_address_with_a_path_is_refused_with_the_expected_form()
    {
        var error = Assert.Throws<ArgumentException>(() => RegistryAddress.Parse("https://example.com/v2/apps"));

        Assert.That(error!.Message, Does.Contain("host[:port]").And.Contain("https://example.com/v2/apps"));
    }

    [Test]
    public void A_bearer_challenge_with_commas_inside_quotes_is_parsed()
    {
        var header = new AuthenticationHeaderValue("Bearer",
            "realm=\"https://auth.example.com/token\",service=\"registry.example.com\",scope=\"repository:apps/web:pull,push repository:base/dotnet:pull\"");

        var challenge = AuthChallenge.Parse(header);

        Assert.That(challenge.IsBearer, Is.True);
        Assert.That(challenge.Realm, Is.EqualTo("https://auth.example.com/token"));
        Assert.That(challenge.Service, Is.EqualTo("registry.example.com"));
        Assert.That(challenge.Scopes, Is.EqualTo(new[] { "repository:apps/web:pull,push", "repository:base/dotnet:pull" }));
    }

    [TestCase("Apps/Web")]
    [TestCase("apps//web")]
    [TestCase("-apps")]
    public void Invalid_repository_names_are_refused_naming_the_parameter(string repository)
    {
        var error = Assert.Throws<ArgumentException>(() => OciNames.ValidateRepository(repository));

        Assert.That(error!.ParamName, Is.EqualTo("repository"));
        Assert.That(error.Message, Does.Contain(repository));
    }

    [TestCase("1.2.3+abc")]
    [TestCase(".hidden")]
    public void Invalid_tags_are_refused_with_the_allowed_characters(string tag)
    {
        var error = Assert.Throws<ArgumentException>(() => OciNames.ValidateTag(tag));

        Assert.That(error!.Message, Does.Contain(tag).And.Contain("[A-Za-z0-9_.-]"));
    }

    [Test]
    public void Options_out_of_range_are_refused_naming_the_option()
    {
        var error = Assert.Throws<ArgumentException>(
            () => new OciRegistryClient("localhost:5000", options: new OciRegistryClientOptions { MaxAttempts = 0 }));

        Assert.That(error!.ParamName, Is.EqualTo(nameof(OciRegistryClientOptions.MaxAttempts)));
    }
}
