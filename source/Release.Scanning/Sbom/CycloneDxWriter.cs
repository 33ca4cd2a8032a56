using Release.Foundation.IO;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Release.Scanning.Io;
using Release.Scanning.Model;

namespace Release.Scanning.Sbom;

/// <summary>
/// Writes an SBOM as CycloneDX 1.6 JSON, with the dependency graph: the subject depends on the direct components, and
/// each component whose dependencies are known lists them (components with unknown dependencies are left out of the
/// graph, as the specification asks, rather than claimed to have none). The output depends only on the SBOM and the clock: components are sorted
/// and the serial number is derived from the content, so identical input at the same time gives identical bytes.
/// </summary>
public sealed class CycloneDxWriter(TimeProvider timeProvider)
{
    /// <summary>The CycloneDX specification version written.</summary>
    public const string SpecVersion = "1.6";

    /// <summary>Renders the SBOM as CycloneDX 1.6 JSON text.</summary>
    /// <param name="sbom">The SBOM to render.</param>
    public string Write(SoftwareBillOfMaterials sbom)
    {
        var components = sbom.Components.OrderBy(c => c.Purl, StringComparer.Ordinal).ToList();
        var componentLines = string.Join('\n', components.Select(c => $"{c.Purl}|{c.Scope}|{c.IsDirect}"));
        var identity = $"{sbom.SubjectKind}|{sbom.SubjectName}|{sbom.SubjectVersion}|{componentLines}";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("bomFormat", "CycloneDX");
            json.WriteString("specVersion", SpecVersion);
            json.WriteString("serialNumber", $"urn:uuid:{DeterministicUuid.Create(identity)}");
            json.WriteNumber("version", 1);
            WriteMetadata(json, sbom);
            json.WriteStartArray("components");
            foreach (var component in components)
            {
                WriteComponent(json, component);
            }

            json.WriteEndArray();
            WriteDependencies(json, sbom, components);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Renders the SBOM and writes it atomically to <paramref name="path"/>.</summary>
    /// <param name="sbom">The SBOM to render.</param>
    /// <param name="path">Destination file (e.g. <c>artifacts/sbom.cdx.json</c>).</param>
    /// <param name="cancellationToken">Stops the write.</param>
    public Task WriteFileAsync(SoftwareBillOfMaterials sbom, string path, CancellationToken cancellationToken) =>
        AtomicFile.WriteTextAsync(path, Write(sbom), cancellationToken);

    private void WriteMetadata(Utf8JsonWriter json, SoftwareBillOfMaterials sbom)
    {
        json.WriteStartObject("metadata");
        json.WriteString("timestamp", timeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        // CycloneDX 1.5 and later describe tools as components (the older array form is deprecated).
        json.WriteStartObject("tools");
        json.WriteStartArray("components");
        json.WriteStartObject();
        json.WriteString("type", "application");
        json.WriteString("name", ReportingTool.Name);
        json.WriteString("version", ReportingTool.Version);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("component");
        json.WriteString("type", sbom.SubjectKind == SbomSubjectKind.Container ? "container" : "application");
        json.WriteString("bom-ref", SubjectRef(sbom));
        json.WriteString("name", sbom.SubjectName);
        json.WriteString("version", sbom.SubjectVersion);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string SubjectRef(SoftwareBillOfMaterials sbom) => $"subject:{sbom.SubjectName}@{sbom.SubjectVersion}";

    private static void WriteDependencies(Utf8JsonWriter json, SoftwareBillOfMaterials sbom, IReadOnlyList<SoftwareComponent> components)
    {
        // Edges name components; a name resolves to the shipping occurrence of that name in the same ecosystem.
        var byName = components.GroupBy(c => (c.Ecosystem, Name: c.Name.ToLowerInvariant()))
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.Scope).First().Purl);
        json.WriteStartArray("dependencies");
        WriteDependency(json, SubjectRef(sbom), components.Where(c => c.IsDirect).Select(c => c.Purl));
        foreach (var component in components.Where(c => c.DependsOn is not null))
        {
            var targets = component.DependsOn!
                .Select(name => byName.GetValueOrDefault((component.Ecosystem, name.ToLowerInvariant())))
                .OfType<string>();
            WriteDependency(json, component.Purl, targets);
        }

        json.WriteEndArray();
    }

    private static void WriteDependency(Utf8JsonWriter json, string reference, IEnumerable<string> dependsOn)
    {
        json.WriteStartObject();
        json.WriteString("ref", reference);
        json.WriteStartArray("dependsOn");
        foreach (var target in dependsOn.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) json.WriteStringValue(target);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteComponent(Utf8JsonWriter json, SoftwareComponent component)
    {
        json.WriteStartObject();
        json.WriteString("type", "library");
        json.WriteString("bom-ref", component.Purl);
        json.WriteString("name", component.Name);
        json.WriteString("version", component.Version);
        json.WriteString("scope", component.Scope == DependencyScope.Required ? "required" : "excluded");
        json.WriteString("purl", component.Purl);
        json.WriteStartArray("properties");
        WriteProperty(json, "release:ecosystem", component.Ecosystem.ToString());
        WriteProperty(json, "release:direct", component.IsDirect ? "true" : "false");
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteProperty(Utf8JsonWriter json, string name, string value)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("value", value);
        json.WriteEndObject();
    }
}
