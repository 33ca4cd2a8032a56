using Release.Oci;
using Release.Stages.Tests.Support;
using Release.Testing.Registry;

namespace Release.Stages.Tests;

/// <summary>
/// Build against a registry that asks for credentials, as a bank's internal registry does: a real docker-registry with
/// htpasswd authentication. Without credentials the stage fails naming the fix; with them, the embedded base image
/// and the module's image both land there.
/// </summary>
[NonParallelizable]
public class AuthenticatedRegistryBuildTests
{
    [Test]
    public async Task Build_pushes_to_a_registry_that_asks_for_credentials_and_names_the_fix_without_them()
    {
        using var repository = await DirectorRepository.CreateAsync();
        await using var registry = await AuthenticatedRegistry.StartAsync();
        var root = repository.BuildRoot.Path;
        string[] build = ["Build", "--source-repository", repository.RemoteUrl, "--registry", registry.Address];

        var anonymous = await StageRun.RunAsync<PipelineBuild>(root, build);
        var signedIn = await StageRun.RunAsync<PipelineBuild>(root,
            [.. build, "--registry-username", AuthenticatedRegistry.User, "--registry-password", AuthenticatedRegistry.Password]);

        Assert.That(anonymous.ExitCode, Is.EqualTo(1), anonymous.Output);
        Assert.That(anonymous.Output, Does.Contain("no credentials configured"));
        Assert.That(anonymous.Output, Does.Contain($"pass valid --registry-username and --registry-password for {registry.Address}"));
        Assert.That(signedIn.ExitCode, Is.Zero, signedIn.Output);
        Assert.That(signedIn.Output, Does.Not.Contain(AuthenticatedRegistry.Password));
        var image = Json.Read(Path.Combine(root, "artifacts/modules/director/build/image.json"));
        Assert.That(image.GetProperty("baseImage").GetString(), Is.EqualTo($"{registry.Address}/base/aspnet:10.0"));
        using var client = new OciRegistryClient(registry.Address, new RegistryCredentials(AuthenticatedRegistry.User, AuthenticatedRegistry.Password));
        Assert.That((await client.ResolveDigestAsync("director", image.GetProperty("tag").GetString()!)).ToString(),
            Is.EqualTo(image.GetProperty("digest").GetString()));
    }
}
