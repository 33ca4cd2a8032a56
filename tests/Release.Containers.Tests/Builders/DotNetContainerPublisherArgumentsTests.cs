using Release.Containers.Builders;

namespace Release.Containers.Tests.Builders;

public class DotNetContainerPublisherArgumentsTests
{
    private static readonly DotNetContainerSettings Minimal =
        new("src/Web/Web.csproj", "localhost:5000/base/aspnet:10.0", "apps/web") { Registry = "localhost:5000", Tags = ["1.4.0"] };

    [Test]
    public void Minimal_settings_push_one_tag_to_the_registry() =>
        Assert.That(DotNetContainerPublisher.Arguments(Minimal, null), Is.EqualTo(new[]
        {
            "publish", "src/Web/Web.csproj", "-c", "Release", "-t:PublishContainer", "--nologo",
            "-p:ContainerBaseImage=localhost:5000/base/aspnet:10.0",
            "-p:ContainerRepository=apps/web",
            "-p:ContainerImageTags=1.4.0",
            "-p:ContainerRegistry=localhost:5000",
        }));

    [Test]
    public void Full_settings_quote_several_tags_and_hand_labels_to_msbuild()
    {
        var settings = Minimal with
        {
            Tags = ["1.4.0", "latest"],
            Configuration = "Debug",
            RuntimeIdentifier = "linux-x64",
            Metadata = new ImageMetadata { Version = "1.4.0", Revision = "3f2a9c1", Source = "https://git.example.com/web", Created = DateTimeOffset.UnixEpoch },
            Properties = new Dictionary<string, string> { ["Zeta"] = "1", ["Alpha"] = "2" },
        };
        Assert.That(DotNetContainerPublisher.Arguments(settings, "/tmp/labels.targets"), Is.EqualTo(new[]
        {
            "publish", "src/Web/Web.csproj", "-c", "Debug", "-t:PublishContainer", "--nologo",
            "-r", "linux-x64",
            "-p:ContainerBaseImage=localhost:5000/base/aspnet:10.0",
            "-p:ContainerRepository=apps/web",
            "-p:ContainerImageTags=\"1.4.0;latest\"",
            "-p:ContainerRegistry=localhost:5000",
            "-p:Version=1.4.0",
            "-p:SourceRevisionId=3f2a9c1",
            "-p:ContainerGenerateLabelsImageCreated=false",
            "-p:ContainerGenerateLabelsImageVersion=false",
            "-p:ContainerGenerateLabelsImageRevision=false",
            "-p:ContainerGenerateLabelsImageSource=false",
            "-p:CustomAfterMicrosoftCommonTargets=/tmp/labels.targets",
            "-p:Alpha=2",
            "-p:Zeta=1",
        }));
    }

    [Test]
    public void Archive_output_replaces_the_registry()
    {
        var settings = Minimal with { Registry = null, ArchiveOutputPath = "/out/web.tar" };
        Assert.That(DotNetContainerPublisher.Arguments(settings, null), Does.Contain("-p:ContainerArchiveOutputPath=/out/web.tar"));
        Assert.That(DotNetContainerPublisher.Arguments(settings, null).Any(a => a.StartsWith("-p:ContainerRegistry")), Is.False);
    }

    [Test]
    public void Labels_targets_escape_xml_and_msbuild_characters()
    {
        var metadata = new ImageMetadata { Revision = "abc", Extra = new Dictionary<string, string> { ["com.example.note"] = "50% <done>; $(x) @(y)" } };
        Assert.That(DotNetContainerPublisher.LabelsTargets(metadata), Is.EqualTo(
            "<Project>\n  <!-- Written by Release.Containers: OCI labels for the image. -->\n  <ItemGroup>\n" +
            "    <ContainerLabel Include=\"com.example.note\" Value=\"50%25 &lt;done&gt;%3B %24(x) %40(y)\" />\n" +
            "    <ContainerLabel Include=\"org.opencontainers.image.revision\" Value=\"abc\" />\n" +
            "  </ItemGroup>\n</Project>\n"));
    }

    [Test]
    public void Invalid_settings_are_rejected_with_the_fix()
    {
        Assert.That(Assert.Throws<ArgumentException>(() => DotNetContainerPublisher.Arguments(Minimal with { Tags = [] }, null))!.Message,
            Does.Contain("give at least one tag"));
        Assert.That(Assert.Throws<ArgumentException>(() => DotNetContainerPublisher.Arguments(Minimal with { ArchiveOutputPath = "/x.tar" }, null))!.Message,
            Does.Contain("exactly one of DotNetContainerSettings.Registry (push) or ArchiveOutputPath"));
        Assert.That(Assert.Throws<FormatException>(() => DotNetContainerPublisher.Arguments(Minimal with { BaseImage = "Not An Image" }, null))!.Message,
            Does.Contain("expected [REGISTRY/]REPOSITORY[:TAG]"));
    }
}
