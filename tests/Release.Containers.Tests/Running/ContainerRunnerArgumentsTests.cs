using Release.Containers.Running;

namespace Release.Containers.Tests.Running;

public class ContainerRunnerArgumentsTests
{
    private static readonly ContainerRunSettings Settings = new("localhost:5000/apps/web:1.4.0")
    {
        Name = "web-it",
        Environment = new Dictionary<string, string> { ["ZED"] = "1", ["ASPNETCORE_URLS"] = "http://127.0.0.1:5080" },
        Labels = new Dictionary<string, string> { ["release.run"] = "42" },
        Ports = ["5080:8080"],
        TlsVerify = false,
    };

    [Test]
    public void Podman_run_with_published_ports()
    {
        Assert.That(ContainerRunner.RunArguments(ContainerEngine.Podman, Settings), Is.EqualTo(new[]
        {
            "run", "--detach", "--name", "web-it", "--tls-verify=false",
            "--env", "ASPNETCORE_URLS=http://127.0.0.1:5080", "--env", "ZED=1",
            "--label", "release.run=42",
            "--publish", "5080:8080",
            "localhost:5000/apps/web:1.4.0",
        }));
    }

    [Test]
    public void Host_network_drops_port_publications_and_docker_has_no_tls_flag()
    {
        Assert.That(ContainerRunner.RunArguments(ContainerEngine.Docker, Settings with { HostNetwork = true, Command = ["--verbose"] }), Is.EqualTo(new[]
        {
            "run", "--detach", "--name", "web-it", "--network", "host",
            "--env", "ASPNETCORE_URLS=http://127.0.0.1:5080", "--env", "ZED=1",
            "--label", "release.run=42",
            "localhost:5000/apps/web:1.4.0", "--verbose",
        }));
    }

    [Test]
    public async Task Podman_configuration_is_written_privately_and_completely()
    {
        using var directory = new Release.Testing.TempDirectory("release-podman-conf");
        var path = await PodmanConfiguration.WriteAsync(directory.Path);
        var text = await File.ReadAllTextAsync(path);
        Assert.That(text, Does.Contain("default_ulimits = [\"nofile=1024:1024\", \"nproc=1024:1024\"]"));
        Assert.That(text, Does.Contain("netns = \"none\""));
        Assert.That(text, Does.Contain("cgroup_manager = \"cgroupfs\""));
        Assert.That(text, Does.Contain("events_logger = \"file\""));
        Assert.That(text, Does.Contain("runtime = \"runc\""));
        Assert.That(Directory.GetFiles(directory.Path), Is.EqualTo(new[] { path }), "no temporary file is left");
    }
}
