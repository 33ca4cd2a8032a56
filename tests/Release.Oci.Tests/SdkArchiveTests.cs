using Release.Foundation.Oci;
using Release.Oci.Tests.Support;
using Release.Testing;
using Release.Testing.Registry;

namespace Release.Oci.Tests;

/// <summary>The OCI-layout tar the .NET SDK writes (ContainerArchiveOutputPath) is read and pushed unchanged.</summary>
public class SdkArchiveTests : RegistryTestBase
{
    [Test]
    public async Task An_image_archive_from_dotnet_publish_is_pushed_with_the_digest_the_sdk_gave_it()
    {
        using var temp = new TempDirectory("release-oci-sdk");
        await SampleImage.Create("etc/base.txt", "a hand-built base\n").PushAsync(Client, "base/aspnet", "10.0");
        temp.WriteFile("app/app.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """);
        temp.WriteFile("app/Program.cs", "System.Console.WriteLine(\"hello\");");
        var archive = temp.Combine("image.tar");

        await DotnetCli.RunAsync(temp.Combine("app"), CancellationToken.None,
            "publish", "-t:PublishContainer", $"-p:ContainerBaseImage={Registry.Address}/base/aspnet:10.0",
            "-p:ContainerRepository=apps/sdk", "-p:ContainerImageTags=1.0.0", $"-p:ContainerArchiveOutputPath={archive}");
        var layout = await OciImageLayout.ExtractTarAsync(archive, temp.Combine("layout"));
        var sdkDigest = layout.FindManifest("1.0.0").ParsedDigest;
        var repository = UniqueRepository("apps/sdk");

        var pushed = await Client.PushLayoutAsync(layout.Root, repository, "1.0.0");

        Assert.That(pushed, Is.EqualTo(sdkDigest));
        var manifest = await Client.GetManifestAsync(repository, "1.0.0");
        Assert.That(manifest.Document.Layers, Has.Count.EqualTo(2), "the base layer plus the application layer");
        Assert.That(manifest.Document.Layers![0].Digest, Is.EqualTo(OciDigest.Compute(SampleImage.Create("etc/base.txt", "a hand-built base\n").Layer).ToString()));
    }
}
