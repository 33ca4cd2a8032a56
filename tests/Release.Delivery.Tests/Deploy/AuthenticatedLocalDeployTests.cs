using Release.Containers.Running;
using Release.Delivery.Tests.Support;
using Release.Testing.Registry;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Delivery.Tests.Deploy;

/// <summary>
/// Local Deploy pulls from a registry that asks for credentials (a real htpasswd docker-registry) with the
/// --registry-username/--registry-password that Build, Push and Chart use, never showing the password; without them the
/// failure names those parameters, not TLS settings.
/// </summary>
[NonParallelizable]
public class AuthenticatedLocalDeployTests
{
    [Test]
    public async Task Deploy_pulls_with_the_registry_credentials_and_without_them_names_the_fix()
    {
        await using var secured = await AuthenticatedRegistry.StartAsync();
        using var root = await PipelineRoot.WithDirectorAsync();
        string[] credentials = ["--registry-username", AuthenticatedRegistry.User, "--registry-password", AuthenticatedRegistry.Password];
        var push = await BuildRunner.RunAsync<DeliveryBuild>(root.Path, ["Push", "--push-registry", secured.Address, "--push-repository", "apps/director", .. credentials]);
        Assert.That(push.ExitCode, Is.Zero, push.ToString());

        var anonymous = await BuildRunner.RunAsync<DeployOnlyBuild>(root.Path, "Deploy", "--environment", "local", "--local-runtime", "podman");
        Assert.That(anonymous.ExitCode, Is.EqualTo(1), anonymous.ToString());
        Assert.That(anonymous.Output, Does.Contain("The registry refused to let Podman pull").And.Contain("no credentials were given")
            .And.Contain($"pass valid --registry-username and --registry-password for {secured.Address}"));
        Assert.That(anonymous.Output, Does.Not.Contain("TlsVerify"), "the old hint pointed the wrong way");

        var signedIn = await BuildRunner.RunAsync<DeployOnlyBuild>(root.Path, ["Deploy", "--environment", "local", "--local-runtime", "podman", .. credentials]);
        Assert.That(signedIn.ExitCode, Is.Zero, signedIn.ToString());
        Assert.That(signedIn.Output, Does.Not.Contain(AuthenticatedRegistry.Password));
        var deployment = await StageRecord.ReadAsync<DeploymentRecord>(root.Paths.DeploymentRecord("local"), "Deploy", CancellationToken.None);
        Assert.That(deployment.ImageDigest, Is.EqualTo(await DeliverySetUp.Director.DigestAsync()));
        Assert.That(File.ReadAllText(root.Paths.DeploymentRecord("local")), Does.Not.Contain(AuthenticatedRegistry.Password));
    }

    [Test]
    public async Task The_credentials_reach_podman_in_a_private_file_that_is_deleted_afterwards_never_on_its_command_line()
    {
        string path;
        using (var auth = await RegistryAuthFile.WriteAsync("localhost:5000", "release", "p@ss"))
        {
            path = auth.Path;
            Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(File.ReadAllText(path), Is.EqualTo("""{"auths":{"localhost:5000":{"auth":"cmVsZWFzZTpwQHNz"}}}"""));
            var arguments = ContainerRunner.RunArguments(ContainerEngine.Podman, new ContainerRunSettings("localhost:5000/apps/director:1") { AuthFile = path });
            Assert.That(arguments, Does.Contain("--authfile").And.Contain(path));
            Assert.That(string.Join(" ", arguments), Does.Not.Contain("p@ss").And.Not.Contain("cmVsZWFzZTpwQHNz"));
        }
        Assert.That(Path.GetDirectoryName(path), Does.Not.Exist);
    }
}
