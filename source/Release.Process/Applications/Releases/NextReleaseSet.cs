using Release.SemVer;

namespace Release.Process.Applications.Releases;

/// <summary>
/// The next application release and how it differs from the previous one: the modules built anew, those carried at
/// their pinned digests, those added to and removed from the application. Made by <see cref="Make"/>.
/// </summary>
public sealed class NextReleaseSet
{
    private NextReleaseSet(ReleaseManifest manifest, ReleaseManifest? previous, IReadOnlyList<string> changed, IReadOnlyList<string> carried,
        IReadOnlyList<string> added, IReadOnlyList<string> removed, IReadOnlyList<ModuleChange> changes)
    {
        Changes = changes;
        Manifest = manifest;
        Previous = previous;
        Changed = changed;
        Carried = carried;
        Added = added;
        Removed = removed;
    }

    /// <summary>The new set.</summary>
    public ReleaseManifest Manifest { get; }

    /// <summary>The set it follows, or null for the application's first release.</summary>
    public ReleaseManifest? Previous { get; }

    /// <summary>Modules whose pin differs from the previous set (new version), in the application's dependency order.</summary>
    public IReadOnlyList<string> Changed { get; }

    /// <summary>Modules pinned exactly as in the previous set (not built, or built again to the same artefacts).</summary>
    public IReadOnlyList<string> Carried { get; }

    /// <summary>Modules the previous set did not have (every module, for a first release).</summary>
    public IReadOnlyList<string> Added { get; }

    /// <summary>Modules of the previous set that the application no longer declares.</summary>
    public IReadOnlyList<string> Removed { get; }

    /// <summary>Every module's line for the release notes (<see cref="SetChanges.Between"/>).</summary>
    public IReadOnlyList<ModuleChange> Changes { get; }

    /// <summary>
    /// Makes the next set. Each module of the application is pinned at what this pipeline built for it, else carried
    /// at its pin in <paramref name="previous"/>. Refused, with every reason: a module neither built nor in the previous
    /// set; a built module the application does not declare; a module version pinned with other digests than the previous
    /// set pinned for it (a version names one artefact forever); a version not above the previous set's, or another
    /// application's previous set.
    /// </summary>
    /// <param name="graph">The application's modules (their dependency order orders <see cref="Changed"/>).</param>
    /// <param name="application">The application's name.</param>
    /// <param name="version">The new release's version.</param>
    /// <param name="built">What this pipeline built and pushed, one pin per module it built.</param>
    /// <param name="previous">The previous set of the application, or null for the first release.</param>
    /// <exception cref="ReleaseSetException">The set cannot be made; each problem names the module and the fix.</exception>
    public static NextReleaseSet Make(
        ModuleGraph graph,
        string application,
        SemanticVersion version,
        IReadOnlyList<ModulePin> built,
        ReleaseManifest? previous)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(built);
        var problems = new List<string>();
        var release = $"release {application} {version}";
        if (previous is not null && !string.Equals(previous.Application, application, StringComparison.Ordinal))
            problems.Add($"The previous set of {release} is of application '{previous.Application}': give the previous set of '{application}'.");
        else if (previous is not null && version <= previous.Version)
            problems.Add($"Version {version} of {application} is not above the previous release {previous.Version}: " +
                         "an application release version names one set; release a higher version.");
        foreach (var stray in built.Where(p => !graph.Contains(p.Module)))
            problems.Add($"Module '{stray.Module}' was built for {release} but the application does not declare it " +
                         $"(modules: {string.Join(", ", graph.Names)}): declare it, or leave it out of the release.");
        foreach (var twice in built.GroupBy(p => p.Module, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            problems.Add($"Module '{twice.Key}' was built {twice.Count()} times for {release}: give one pin per module.");

        var pins = new List<ModulePin>();
        foreach (var module in graph.Order)
        {
            var pin = built.FirstOrDefault(p => string.Equals(p.Module, module, StringComparison.OrdinalIgnoreCase));
            var before = previous?.PinOf(module);
            if (pin is null && before is null)
            {
                problems.Add($"Module '{module}' of {release} was not built in this pipeline and " +
                             (previous is null ? "there is no previous release" : $"release {previous.Title} does not pin it") +
                             ": build and push it in this pipeline.");
                continue;
            }
            if (pin is not null && before is not null && pin.Version.Equals(before.Version) && !pin.SameArtefactsAs(before))
            {
                problems.Add($"Overwritten version: module '{module}' {pin.Version} is pinned in {previous!.Title} as image {before.ImageDigest}, " +
                             $"chart {before.ChartDigest}, and was built again as image {pin.ImageDigest}, chart {pin.ChartDigest}. " +
                             "A module version names one artefact forever: release the module under a new version.");
                continue;
            }
            pins.Add((pin ?? before!) with { Module = module });
        }
        if (problems.Count > 0) throw new ReleaseSetException(problems);
        var manifest = ReleaseManifest.Create(application, version, pins);
        var changes = SetChanges.Between(previous, manifest);
        // In the application's dependency order (the manifest sorts by name).
        IReadOnlyList<string> Of(ModuleChangeKind kind) =>
            graph.Order.Where(m => changes.Any(c => c.Kind == kind && string.Equals(c.Module, m, StringComparison.OrdinalIgnoreCase))).ToList();
        var removed = changes.Where(c => c.Kind == ModuleChangeKind.Removed).Select(c => c.Module).ToList();
        return new NextReleaseSet(
            manifest,
            previous,
            Of(ModuleChangeKind.Changed),
            Of(ModuleChangeKind.Carried),
            Of(ModuleChangeKind.Added),
            removed,
            changes);
    }
}
