using System.Net;
using Release.Oci.Tests.Support;
using Release.Testing.Registry;

namespace Release.Oci.Tests;

public class AuthTests : RegistryTestBase
{
    private const string Password = "Pa55-w0rd-never-shown";

    [Test]
    public async Task The_bearer_token_flow_works_through_a_token_service_and_tokens_are_reused()
    {
        await using var front = new TokenAuthFront(Registry.Address, "release-bot", Password);
        using var client = new OciRegistryClient(front.Address, new RegistryCredentials("release-bot", Password));
        var repository = UniqueRepository("secure/app");
        var image = SampleImage.Create("secure.txt");

        var digest = await image.PushAsync(client, repository, "1.0.0");
        var manifest = await client.GetManifestAsync(repository, "1.0.0");
        var tags = await client.ListTagsAsync(repository);

        Assert.That(manifest.Digest, Is.EqualTo(digest));
        Assert.That(tags, Is.EqualTo(new[] { "1.0.0" }));
        Assert.That(front.TokenRequests, Has.Count.EqualTo(1), "one token per scope, reused for later requests");
        Assert.That(Uri.UnescapeDataString(front.TokenRequests[0]),
            Does.Contain("service=release-test").And.Contain($"scope=repository:{repository}:pull,push"));
    }

    [Test]
    public async Task A_wrong_password_is_refused_with_registry_and_user_but_never_the_password()
    {
        await using var front = new TokenAuthFront(Registry.Address, "release-bot", "the-right-one");
        var lines = new List<string>();
        using var client = new OciRegistryClient(front.Address, new RegistryCredentials("release-bot", Password), log: lines.Add);

        var error = Assert.ThrowsAsync<RegistryAuthenticationException>(
            () => client.PushBlobAsync(UniqueRepository("secure/app"), "x"u8.ToArray()));

        Assert.That(error!.Message, Does.StartWith($"authentication refused for {front.Address} (user release-bot)"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(error.ToString(), Does.Not.Contain(Password));
        Assert.That(string.Join("\n", lines), Does.Not.Contain(Password));
    }

    [Test]
    public async Task Without_credentials_a_protected_registry_says_that_none_were_configured()
    {
        await using var front = new TokenAuthFront(Registry.Address, "release-bot", Password);
        using var client = new OciRegistryClient(front.Address);

        var error = Assert.ThrowsAsync<RegistryAuthenticationException>(() => client.ListTagsAsync("secure/app"));

        Assert.That(error!.Message, Does.Contain("no credentials configured").And.Contain(front.Address));
    }

    [Test]
    public async Task Basic_authentication_is_answered_when_the_registry_asks_for_it()
    {
        await using var front = new TokenAuthFront(Registry.Address, "release-bot", Password, basicOnly: true);
        using var client = new OciRegistryClient(front.Address, new RegistryCredentials("release-bot", Password));
        var repository = UniqueRepository("basic/app");

        var digest = await SampleImage.Create("basic.txt").PushAsync(client, repository, "1.0.0");

        Assert.That(await client.ResolveDigestAsync(repository, "1.0.0"), Is.EqualTo(digest));
        Assert.That(front.TokenRequests, Is.Empty);
    }

    [Test]
    public async Task Basic_authentication_with_a_wrong_password_is_refused_without_the_password()
    {
        await using var front = new TokenAuthFront(Registry.Address, "release-bot", "the-right-one", basicOnly: true);
        using var client = new OciRegistryClient(front.Address, new RegistryCredentials("release-bot", Password));

        var error = Assert.ThrowsAsync<RegistryAuthenticationException>(() => client.CheckAsync());

        Assert.That(error!.Message, Does.StartWith($"authentication refused for {front.Address} (user release-bot)"));
        Assert.That(error.ToString(), Does.Not.Contain(Password));
    }

    [Test]
    public void Credentials_print_masked()
    {
        Assert.That(new RegistryCredentials("bot", Password).ToString(), Is.EqualTo("bot:****"));
    }
}
