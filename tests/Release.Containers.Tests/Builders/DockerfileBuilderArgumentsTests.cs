using Release.Containers.Builders;
using Release.Tooling.Processes;

namespace Release.Containers.Tests.Builders;

public class DockerfileBuilderArgumentsTests
{
    private static readonly DockerfileBuildSettings Settings = new("/src/web", ["localhost:5000/apps/web:1.4.0", "localhost:5000/apps/web:latest"])
    {
        BaseImage = "mirror.example.com/dotnet/aspnet:10.0",
        BuildArguments = new Dictionary<string, string> { ["CONFIGURATION"] = "Release" },
        Metadata = new ImageMetadata { Revision = "3f2a9c1", Version = "1.4.0" },
        TlsVerify = false,
    };

    [Test]
    public void Buildah_bud_uses_vfs_chroot_and_runc_with_labels_and_tags()
    {
        var builder = new BuildahBuilder(new ProcessRunner(), _ => { });
        Assert.That(builder.BuildArguments(Settings), Is.EqualTo(new[]
        {
            "bud", "--storage-driver", "vfs", "--isolation", "chroot", "--runtime", "/usr/sbin/runc", "--tls-verify=false",
            "-f", "/src/web/Dockerfile",
            "--build-arg", "BASE_IMAGE=mirror.example.com/dotnet/aspnet:10.0",
            "--build-arg", "CONFIGURATION=Release",
            "--label", "org.opencontainers.image.revision=3f2a9c1",
            "--label", "org.opencontainers.image.version=1.4.0",
            "-t", "localhost:5000/apps/web:1.4.0",
            "-t", "localhost:5000/apps/web:latest",
            "/src/web",
        }));
    }

    [Test]
    public void Buildah_with_a_private_storage_root_passes_root_and_runroot_to_build_and_push()
    {
        var builder = new BuildahBuilder(new ProcessRunner(), _ => { }) { StorageRoot = "/tmp/b" };
        Assert.That(builder.BuildArguments(Settings with { TlsVerify = true }).Take(10), Is.EqualTo(new[]
        {
            "bud", "--storage-driver", "vfs", "--root", "/tmp/b", "--runroot", "/tmp/b-run", "--isolation", "chroot", "--runtime",
        }));
        Assert.That(builder.PushArguments("localhost:5000/apps/web:1.4.0", tlsVerify: false), Is.EqualTo(new[]
        {
            "push", "--storage-driver", "vfs", "--root", "/tmp/b", "--runroot", "/tmp/b-run", "--tls-verify=false",
            "localhost:5000/apps/web:1.4.0", "docker://localhost:5000/apps/web:1.4.0",
        }));
    }

    [Test]
    public void Docker_build_and_push_arguments()
    {
        Assert.That(DockerBuilder.BuildArguments(Settings with { Dockerfile = "/src/web/Containerfile" }), Is.EqualTo(new[]
        {
            "build", "-f", "/src/web/Containerfile",
            "--build-arg", "BASE_IMAGE=mirror.example.com/dotnet/aspnet:10.0",
            "--build-arg", "CONFIGURATION=Release",
            "--label", "org.opencontainers.image.revision=3f2a9c1",
            "--label", "org.opencontainers.image.version=1.4.0",
            "-t", "localhost:5000/apps/web:1.4.0",
            "-t", "localhost:5000/apps/web:latest",
            "/src/web",
        }));
        Assert.That(DockerBuilder.PushArguments("localhost:5000/apps/web:1.4.0"), Is.EqualTo(new[] { "push", "localhost:5000/apps/web:1.4.0" }));
    }

    [Test]
    public void Image_metadata_labels_are_sorted_and_extra_labels_win()
    {
        var metadata = new ImageMetadata
        {
            Version = "1.0.0",
            Created = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)),
            Extra = new Dictionary<string, string> { ["org.opencontainers.image.version"] = "1.0.0-custom", ["a.first"] = "x" },
        };
        Assert.That(metadata.ToLabels().Select(l => $"{l.Key}={l.Value}"), Is.EqualTo(new[]
        {
            "a.first=x", "org.opencontainers.image.created=2026-01-02T01:04:05Z", "org.opencontainers.image.version=1.0.0-custom",
        }));
    }
}
