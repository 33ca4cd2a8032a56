using Release.Scanning.Model;

namespace Release.Scanning.Sbom;

/// <summary>
/// Parses a dpkg status file (<c>var/lib/dpkg/status</c>, or one file of <c>status.d/</c> as distroless images keep
/// them): RFC 822-style stanzas separated by blank lines. Only packages whose status says "installed" are kept;
/// stanzas without a Status field (status.d files) count as installed.
/// </summary>
public static class DpkgStatusParser
{
    /// <summary>Parses the text of a status file into Debian components, sorted by purl.</summary>
    /// <param name="text">The file content.</param>
    /// <param name="place">Where the text came from (file path, or tar and entry), used in error messages.</param>
    /// <exception cref="InvalidDataException">An installed stanza lacks Package or Version; the message names the line.</exception>
    public static IReadOnlyList<SoftwareComponent> Parse(string text, string place)
    {
        var components = new List<SoftwareComponent>();
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var stanzaStartLine = 1;
        string? lastField = null;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i <= lines.Length; i++)
        {
            var line = i < lines.Length ? lines[i] : string.Empty;
            if (line.Trim().Length == 0)
            {
                AddStanza(fields, stanzaStartLine, place, components);
                fields.Clear();
                lastField = null;
                stanzaStartLine = i + 2;
                continue;
            }

            if (line[0] is ' ' or '\t')
            {
                // Continuation of a multi-line field (Description, Conffiles): not needed for the SBOM.
                if (lastField is null)
                {
                    throw new InvalidDataException(
                        $"{place}, line {i + 1}: continuation line without a field before it. The file is not a dpkg status file.");
                }

                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new InvalidDataException($"{place}, line {i + 1}: expected 'Field: value', got '{line}'. The file is not a dpkg status file.");
            }

            lastField = line[..colon].Trim();
            fields[lastField] = line[(colon + 1)..].Trim();
        }

        return components.OrderBy(c => c.Purl, StringComparer.Ordinal).ToList();
    }

    private static void AddStanza(Dictionary<string, string> fields, int line, string place, List<SoftwareComponent> components)
    {
        if (fields.Count == 0)
        {
            return;
        }

        // "install ok installed" -> installed; "deinstall ok config-files" etc. -> only leftovers on disk.
        if (fields.TryGetValue("Status", out var status) && !status.EndsWith(" installed", StringComparison.Ordinal))
        {
            return;
        }

        if (!fields.TryGetValue("Package", out var name) || name.Length == 0)
        {
            throw new InvalidDataException($"{place}, stanza at line {line}: no 'Package' field. Each stanza needs Package and Version.");
        }

        if (!fields.TryGetValue("Version", out var version) || version.Length == 0)
        {
            throw new InvalidDataException(
                $"{place}, stanza at line {line} (package '{name}'): no 'Version' field. Each installed stanza needs a Version.");
        }

        fields.TryGetValue("Architecture", out var architecture);
        components.Add(new SoftwareComponent(ComponentEcosystem.Debian, name, version, DependencyScope.Required, true, architecture));
    }
}
