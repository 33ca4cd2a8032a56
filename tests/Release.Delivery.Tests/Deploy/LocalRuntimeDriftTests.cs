using System.Text.Json;
using Release.Applications;
using Release.Containers.Running;
using Release.Delivery.Deploy;
using Release.Delivery.Tests.Support;
using Release.Engine;
using Release.Environments;
using Release.Environments.Component;
using Release.Environments.Rendering;
using Release.Operations.Environments;
using Release.Process.Approvals;
using Release.Releasing.Common;
using Release.Testing.Git;
using Release.Tooling.Processes;

namespace Release.Delivery.Tests.Deploy;

/// <summary>
/// Runtime drift of the local deployer, end to end: the real director image deployed with podman by the real local
/// deployer (<c>--keep-running</c>), then <c>./build.sh Drift</c> (environments as code with the operations component)
/// compares what the deployer remembers starting with what podman says runs. A container replaced by hand under the
/// same name is found; the deployed one is not.
/// </summary>
[NonParallelizable]
public class LocalRuntimeDriftTests
{
    [Test]
    public async Task A_container_replaced_by_hand_is_found_and_the_deployed_one_is_clean()
    {
        var digest = await DeliverySetUp.Director.DigestAsync();
        using var root = await PipelineRoot.WithDirectorAsync(declaredModule: true);
        using var environments = await TempBareRemote.CreateWithCommitsAsync(1);
        string[] repository = ["--environments-repository", environments.Path];

        var deploy = await BuildRunner.RunAsync<DeployOnlyBuild>(root.Path, "Deploy", "--environment", "local", "--local-runtime", "podman", "--keep-running");
        Assert.That(deploy.ExitCode, Is.Zero, deploy.ToString());
        try
        {
            var clean = await BuildRunner.RunAsync<LocalDriftBuild>(root.Path, ["Drift", .. repository]);
            Assert.That(clean.ExitCode, Is.Zero, clean.ToString());
            Assert.That(clean.Output, Does.Contain("No drift in local (checked: configuration, group, records, runtime)"));

            // By hand: the deployed container is removed and another started under its name, from the same image.
            var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(root.Path, ".nuke/temp/deploy/director-local.json"))).RootElement;
            var name = state.GetProperty("Id").GetString()!;
            var deployedId = state.GetProperty("ContainerId").GetString()!;
            Assert.That(state.GetProperty("Image").GetString(), Does.EndWith("@" + digest));
            var podman = await ContainerRunner.CreatePodmanAsync(new ProcessRunner(), TestContext.Progress.WriteLine);
            await podman.RemoveAsync(name);
            var replacement = await podman.RunDetachedAsync(new ContainerRunSettings(state.GetProperty("Image").GetString()!)
            {
                Name = name, HostNetwork = true, TlsVerify = false,
                Environment = new Dictionary<string, string> { ["ASPNETCORE_URLS"] = state.GetProperty("Url").GetString()! },
            });
            Assert.That(replacement, Is.Not.EqualTo(deployedId));

            var drifted = await BuildRunner.RunAsync<LocalDriftBuild>(root.Path, ["Drift", .. repository]);
            Assert.That(drifted.ExitCode, Is.Not.Zero, drifted.ToString());
            Assert.That(drifted.Output, Does.Contain("Drift: 1 finding(s) in local").And.Contain($"{replacement} (replaced by hand)"));
            var finding = JsonDocument.Parse(File.ReadAllText(Path.Combine(root.Path, "artifacts/drift/drift.json"))).RootElement.GetProperty("findings")
                .EnumerateArray().Single();
            Assert.That(finding.GetProperty("kind").GetString(), Is.EqualTo("runtime"));
            Assert.That(finding.GetProperty("module").GetString(), Is.EqualTo("director"));
            Assert.That(finding.GetProperty("field").GetString(), Is.EqualTo($"podman container {name} id"));
            Assert.That(finding.GetProperty("expected").GetString(), Is.EqualTo(deployedId));
            Assert.That(finding.GetProperty("repair").GetString(), Does.Contain("./build.sh Undeploy --environment local"));

            // Removed altogether: the deployer's instance is gone.
            await podman.RemoveAsync(name);
            var gone = await BuildRunner.RunAsync<LocalDriftBuild>(root.Path, ["Drift", .. repository]);
            Assert.That(gone.ExitCode, Is.Not.Zero, gone.ToString());
            Assert.That(gone.Output, Does.Contain("(no such container)"));
        }
        finally
        {
            var undeploy = await BuildRunner.RunAsync<DeployOnlyBuild>(root.Path, "Undeploy", "--environment", "local");
            Assert.That(undeploy.ExitCode, Is.Zero, undeploy.ToString());
        }
    }
}

/// <summary>The deploy build with environments as code through the operations component: one local environment.</summary>
internal sealed class LocalDriftBuild : Build, IEnvironmentOperations
{
    IEnumerable<EnvironmentDefinition> IDeploy.Environments => DeliveryBuild.Declared;

    // No gate: no environment here accepts only blessed releases (the records repository is the default, empty one).
    IReadOnlyList<GatePolicy> IReleaseProcess.Gates => [];

    CheckedEnvironments IEnvironments.DeclaredEnvironments => EnvironmentSet.Create()
        .Base("director", c => c.Flag("friendly-users", false))
        .Environment("local", e => e.Step(1).Deployer("local").Cluster("this-machine").Namespace("default"))
        .Check(Application.Named("director").Module("director", m => m.Folder("modules/director").Dockerfile()).Check(RootDirectory), RootDirectory);

    EnvironmentRenderOptions IEnvironments.EnvironmentRendering => new("oci://registry.local/charts");
}
