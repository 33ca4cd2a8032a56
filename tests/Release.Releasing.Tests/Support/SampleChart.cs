using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Release.Foundation.Oci;
using Release.Oci;

namespace Release.Releasing.Tests.Support;

/// <summary>
/// A small Helm chart pushed as an OCI artifact the way <c>helm push</c> does (Helm config media type, one chart
/// content layer holding the .tgz), so promotion can copy it by digest. Its content varies with <c>marker</c>.
/// </summary>
public static class SampleChart
{
    /// <summary>Pushes the chart under <paramref name="tag"/>; returns the manifest digest and the package digest.</summary>
    public static async Task<(string ManifestDigest, string PackageDigest)> PushAsync(OciRegistryClient client, string repository, string tag, string marker)
    {
        var chartYaml = $"apiVersion: v2\nname: director\nversion: 0.0.0\ndescription: {marker}\n";
        var package = Package(("director/Chart.yaml", chartYaml), ("director/values.yaml", "image:\n  digest: \"\"\n"));
        var config = Encoding.UTF8.GetBytes("{\"name\":\"director\",\"version\":\"0.0.0\",\"apiVersion\":\"v2\"}");
        var manifest = await client.PushArtifactAsync(repository, tag, OciMediaTypes.HelmConfig, config,
            [new ArtifactLayer(OciMediaTypes.HelmChartContent, package)]);
        return (manifest.ToString(), OciDigest.Compute(package).ToString());
    }

    private static byte[] Package(params (string Name, string Content)[] files)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var (name, content) in files)
                tar.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name)
                {
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
                    ModificationTime = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
                });
        }
        return output.ToArray();
    }
}
