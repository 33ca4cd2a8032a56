using System.Text.RegularExpressions;
using Release.Tooling.Processes;

namespace Release.Containers.BaseImages;

/// <summary>What <see cref="SharedLibraryResolver"/> found.</summary>
/// <param name="Libraries">Host paths of the needed libraries, as the loader names them (sorted).</param>
/// <param name="Missing">Libraries the host lacks, as "soname (needed by FILE)".</param>
public sealed record ResolvedLibraries(IReadOnlyList<string> Libraries, IReadOnlyList<string> Missing);

/// <summary>
/// Finds the shared libraries that ELF files need by running <c>ldd</c> on them, plus libraries the .NET
/// runtime opens at run time with dlopen (which ldd cannot see, e.g. OpenSSL), and their own dependencies.
/// </summary>
public sealed partial class SharedLibraryResolver(IProcessRunner runner, Action<string> log)
{
    private static readonly string[] LibraryFolders =
    [
        "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
        "/lib64", "/usr/lib64", "/lib", "/usr/lib",
    ];

    /// <summary>
    /// Resolves everything <paramref name="elfFiles"/> need, plus <paramref name="dlopenedSonames"/> (e.g. <c>libssl.so.3</c>).
    /// Libraries under <paramref name="providedFolder"/> are already part of the image and are left out.
    /// </summary>
    public async Task<ResolvedLibraries> ResolveAsync(
        IEnumerable<string> elfFiles, IEnumerable<string> dlopenedSonames, string providedFolder, CancellationToken ct)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(elfFiles);
        var inspected = new HashSet<string>(StringComparer.Ordinal);

        foreach (var soname in dlopenedSonames)
        {
            var path = FindOnHost(soname);
            if (path is null)
            {
                missing.Add($"{soname} (opened at run time by the .NET runtime)");
                continue;
            }
            found.Add(path);
            pending.Enqueue(path);
        }

        while (pending.Count > 0)
        {
            var batch = new List<string>();
            while (pending.Count > 0)
            {
                var file = pending.Dequeue();
                if (inspected.Add(file))
                    batch.Add(file);
            }
            if (batch.Count == 0)
                break;
            foreach (var dependency in await LddAsync(batch, ct).ConfigureAwait(false))
            {
                if (dependency.Path is null)
                    missing.Add($"{dependency.Soname} (needed by {dependency.NeededBy})");
                else if (!dependency.Path.StartsWith(providedFolder.TrimEnd('/') + "/", StringComparison.Ordinal) && found.Add(dependency.Path))
                    pending.Enqueue(dependency.Path);
            }
        }
        return new ResolvedLibraries(found.ToList(), missing.ToList());
    }

    private sealed record Dependency(string Soname, string? Path, string NeededBy);

    private async Task<List<Dependency>> LddAsync(IReadOnlyList<string> files, CancellationToken ct)
    {
        // ldd exits non-zero when one of the files is not dynamic (e.g. a script); the output still holds the rest.
        var result = await runner.RunAsync(new ProcessSpec("ldd", files) { AllowNonZeroExit = true }, ct).ConfigureAwait(false);
        var dependencies = new List<Dependency>();
        var current = files.Count == 1 ? files[0] : "";
        foreach (var line in result.Output)
        {
            if (files.Count > 1 && !char.IsWhiteSpace(line.FirstOrDefault()) && line.EndsWith(':'))
            {
                current = line[..^1];
                continue;
            }
            var match = LddLine().Match(line);
            if (!match.Success)
                continue;
            var soname = match.Groups["soname"].Value;
            var target = match.Groups["path"].Success ? match.Groups["path"].Value : null;
            if (soname.StartsWith("linux-vdso", StringComparison.Ordinal) || soname.StartsWith("linux-gate", StringComparison.Ordinal))
                continue; // provided by the kernel, not a file
            if (target == "not found")
                dependencies.Add(new Dependency(soname, null, current));
            else if (target is not null)
                dependencies.Add(new Dependency(soname, target, current));
            else if (soname.StartsWith('/'))
                dependencies.Add(new Dependency(soname, soname, current)); // the dynamic loader itself
        }
        if (result.ExitCode != 0)
            log($"ldd reported: {string.Join(" / ", result.Error.Take(3))}");
        return dependencies;
    }

    private static string? FindOnHost(string soname) =>
        LibraryFolders.Select(folder => Path.Combine(folder, soname)).FirstOrDefault(File.Exists);

    // "\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x…)", "\t/lib64/ld-linux-x86-64.so.2 (0x…)", "\tlibfoo.so => not found"
    [GeneratedRegex(@"^\s+(?<soname>\S+)(?:\s+=>\s+(?<path>not found|\S+))?(?:\s+\(0x[0-9a-f]+\))?\s*$")]
    private static partial Regex LddLine();
}
