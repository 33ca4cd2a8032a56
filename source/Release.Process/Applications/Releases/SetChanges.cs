namespace Release.Process.Applications.Releases;

/// <summary>How a module moved from one set to the next.</summary>
public enum ModuleChangeKind
{
    /// <summary>Pinned exactly as before.</summary>
    Carried,

    /// <summary>Pinned at other artefacts (a new module version).</summary>
    Changed,

    /// <summary>Not in the previous set.</summary>
    Added,

    /// <summary>In the previous set, not in this one.</summary>
    Removed,
}

/// <summary>One module's line in the comparison of two sets.</summary>
/// <param name="Module">The module.</param>
/// <param name="Kind">How it moved.</param>
/// <param name="Before">Its pin in the previous set, or null.</param>
/// <param name="After">Its pin in the new set, or null.</param>
public sealed record ModuleChange(string Module, ModuleChangeKind Kind, ModulePin? Before, ModulePin? After)
{
    /// <summary>The line the release notes show: <c>ledger 2.0.0 -&gt; 2.1.0</c>, <c>director 1.0.0 (unchanged)</c>.</summary>
    public string Line => Kind switch
    {
        ModuleChangeKind.Carried => $"{Module} {After!.Version} (unchanged)",
        ModuleChangeKind.Changed => $"{Module} {Before!.Version} -> {After!.Version}",
        ModuleChangeKind.Added => $"{Module} {After!.Version} (new)",
        _ => $"{Module} {Before!.Version} (removed)",
    };
}

/// <summary>What changed between two sets, module by module: what the release notes and the rollout start from.</summary>
public static class SetChanges
{
    /// <summary>
    /// Compares <paramref name="next"/> with <paramref name="previous"/> (null for a first release: every module is added):
    /// the new set's modules in its order, then the removed ones.
    /// </summary>
    public static IReadOnlyList<ModuleChange> Between(ReleaseManifest? previous, ReleaseManifest next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var changes = next.Modules.Select(pin => previous?.PinOf(pin.Module) is { } before
            ? new ModuleChange(pin.Module, pin.SameArtefactsAs(before) ? ModuleChangeKind.Carried : ModuleChangeKind.Changed, before, pin)
            : new ModuleChange(pin.Module, ModuleChangeKind.Added, null, pin)).ToList();
        if (previous is not null)
            changes.AddRange(
                previous.Modules.Where(p => next.PinOf(p.Module) is null).Select(p => new ModuleChange(p.Module, ModuleChangeKind.Removed, p, null)));
        return changes;
    }
}
