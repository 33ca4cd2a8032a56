using System.Text;
using Release.Tooling.Processes;

namespace Release.Containers.BaseImages;

/// <summary>A Debian package whose files were copied into an image.</summary>
/// <param name="Name">Package name, with <c>:arch</c> for multi-arch packages (e.g. <c>libc6:amd64</c>).</param>
/// <param name="Version">Installed version on the host.</param>
public sealed record DebianPackage(string Name, string Version);

/// <summary>The packages behind a set of host files and the dpkg status text describing them.</summary>
/// <param name="Packages">Packages, sorted by name.</param>
/// <param name="StatusFile">Content for <c>/var/lib/dpkg/status</c>: one stanza per package, as on the host.</param>
/// <param name="Unowned">Copied files no package claims (e.g. the .NET runtime installed from a tarball).</param>
public sealed record DebianInventory(IReadOnlyList<DebianPackage> Packages, string StatusFile, IReadOnlyList<string> Unowned);

/// <summary>
/// Asks dpkg which packages own the files copied into an image (<c>dpkg-query -S</c>) and takes their status
/// stanzas (<c>dpkg-query -s</c>), so scanners that read <c>/var/lib/dpkg/status</c> can inventory the image.
/// </summary>
public sealed class DebianPackageInventory(IProcessRunner runner)
{
    // Files that maintainer scripts generate, so no package lists them, though one package is plainly their source.
    private static readonly Dictionary<string, string> GeneratedFileOwners = new(StringComparer.Ordinal)
    {
        ["/etc/ssl/certs/ca-certificates.crt"] = "ca-certificates",
    };

    // Debian 12 ships files under /lib, /bin, /sbin in its packages while they live under /usr on merged-/usr hosts.
    private static readonly (string Usr, string Legacy)[] MergedUsrAliases =
        [("/usr/lib/", "/lib/"), ("/usr/lib64/", "/lib64/"), ("/usr/bin/", "/bin/"), ("/usr/sbin/", "/sbin/")];

    /// <summary>Builds the inventory for <paramref name="hostFiles"/> (absolute host paths).</summary>
    public async Task<DebianInventory> InventoryAsync(IEnumerable<string> hostFiles, CancellationToken ct)
    {
        var files = hostFiles.Distinct(StringComparer.Ordinal).ToList();
        var owners = await OwnersAsync(files.SelectMany(Aliases).Distinct().ToList(), ct).ConfigureAwait(false);
        var packages = new SortedSet<string>(StringComparer.Ordinal);
        var unowned = new List<string>();
        foreach (var file in files)
        {
            var found = Aliases(file).SelectMany(a => owners.GetValueOrDefault(a) ?? []).ToList();
            if (found.Count == 0 && GeneratedFileOwners.TryGetValue(file, out var generatedBy))
                found.Add(generatedBy);
            if (found.Count == 0)
                unowned.Add(file);
            packages.UnionWith(found);
        }
        if (packages.Count == 0)
            return new DebianInventory([], "", unowned);

        var stanzas = await StatusStanzasAsync(packages, ct).ConfigureAwait(false);
        var status = new StringBuilder();
        var list = new List<DebianPackage>();
        foreach (var (name, stanza) in stanzas.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            status.Append(stanza).Append("\n\n");
            list.Add(new DebianPackage(name, Field(stanza, "Version") ?? "unknown"));
        }
        return new DebianInventory(list, status.ToString(), unowned);
    }

    private static IEnumerable<string> Aliases(string file)
    {
        yield return file;
        foreach (var (usr, legacy) in MergedUsrAliases)
        {
            if (file.StartsWith(usr, StringComparison.Ordinal))
                yield return legacy + file[usr.Length..];
            else if (file.StartsWith(legacy, StringComparison.Ordinal))
                yield return usr + file[legacy.Length..];
        }
    }

    private async Task<Dictionary<string, List<string>>> OwnersAsync(IReadOnlyList<string> paths, CancellationToken ct)
    {
        // dpkg-query exits 1 when some path has no owner; the owned ones are still printed.
        var result = await runner.RunAsync(new ProcessSpec("dpkg-query", ["-S", .. paths]) { AllowNonZeroExit = true }, ct).ConfigureAwait(false);
        var owners = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in result.Output)
        {
            // "libc6:amd64: /lib/x86_64-linux-gnu/libc.so.6" or "pkg-a, pkg-b: /path"; diversions start with "diversion by".
            var separator = line.IndexOf(": /", StringComparison.Ordinal);
            if (separator < 0 || line.StartsWith("diversion", StringComparison.Ordinal))
                continue;
            var path = line[(separator + 2)..];
            var names = line[..separator].Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (!owners.TryGetValue(path, out var list))
                owners[path] = list = [];
            list.AddRange(names);
        }
        return owners;
    }

    private async Task<Dictionary<string, string>> StatusStanzasAsync(IEnumerable<string> packages, CancellationToken ct)
    {
        var result = await runner.RunAsync(new ProcessSpec("dpkg-query", ["-s", .. packages]), ct).ConfigureAwait(false);
        var stanzas = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var stanza in string.Join('\n', result.Output).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var text = stanza.Trim('\n');
            if (Field(text, "Package") is not { } name)
                continue;
            var arch = Field(text, "Architecture");
            var multiArch = Field(text, "Multi-Arch") == "same" && arch is not null;
            stanzas[multiArch ? $"{name}:{arch}" : name] = text;
        }
        return stanzas;
    }

    private static string? Field(string stanza, string name) =>
        stanza.Split('\n').FirstOrDefault(l => l.StartsWith(name + ": ", StringComparison.Ordinal))?[(name.Length + 2)..].Trim();
}
