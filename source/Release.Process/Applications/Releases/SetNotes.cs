using System.Text;
using Release.Process.Notes;
using Release.Process.Promotion;

namespace Release.Process.Applications.Releases;

/// <summary>
/// The release notes of an application release as Markdown: the set, each module's line since the previous set
/// (<see cref="SetChanges"/>), the notes of every module that changed or was added (its own commits, as
/// <see cref="ReleaseNotesBuilder"/> makes them), and how to roll the set back.
/// </summary>
public static class SetNotes
{
    /// <summary>Renders the notes ("\n" line endings, ending with one newline).</summary>
    /// <param name="next">The new set and its changes.</param>
    /// <param name="moduleNotes">The notes of each changed or added module, by module name (ignoring case).</param>
    /// <param name="previousBlessed">The set <paramref name="rollbackEnvironment"/> would go back to, or null when there is none.</param>
    /// <param name="rollbackEnvironment">The environment the rollback section is about.</param>
    /// <exception cref="ReleaseSetException">A changed or added module has no notes; the message names it and the fix.</exception>
    public static string Render(NextReleaseSet next, IReadOnlyDictionary<string, ReleaseNotes> moduleNotes, BlessedSet? previousBlessed,
        string rollbackEnvironment = "production")
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(moduleNotes);
        var notes = new Dictionary<string, ReleaseNotes>(moduleNotes, StringComparer.OrdinalIgnoreCase);
        var set = next.Manifest;
        var described = next.Changes.Where(c => c.Kind is ModuleChangeKind.Changed or ModuleChangeKind.Added).ToList();
        var missing = described.Where(c => !notes.ContainsKey(c.Module)).Select(c => c.Module).ToList();
        if (missing.Count > 0)
            throw new ReleaseSetException([
                $"The notes of {set.Title} need the notes of every module that changed, and {string.Join(", ", missing.Select(m => $"'{m}'"))} " +
                "has none: make them with ReleaseNotes in the module's pipeline."]);

        var text = new StringBuilder();
        text.Append("# ").Append(ReleaseNotesMarkdown.Escape($"{set.Application} {set.Version}")).Append("\n\n");
        text.Append("Set `").Append(set.Digest.Value).Append("`.\n\n## Modules\n\n");
        foreach (var change in next.Changes) text.Append("- ").Append(Shown(change)).Append('\n');
        text.Append('\n');
        foreach (var change in described)
        {
            text.Append("## ").Append(Shown(change)).Append("\n\n");
            ReleaseNotesMarkdown.AppendChanges(text, notes[change.Module], "###");
        }
        text.Append("## Rollback\n\n");
        if (previousBlessed is null)
            text.Append($"No earlier blessed set exists in {rollbackEnvironment}: this release cannot be rolled back; fix forward.\n");
        else
            text.Append($"Previous blessed set: {previousBlessed.Set.Application} {previousBlessed.Set.Version} (`{previousBlessed.Set.Digest}`). " +
                        "To restore it in " +
                            $"{rollbackEnvironment}:\n\n```sh\n{RollbackPlanner.CommandFor(rollbackEnvironment, previousBlessed.Set.Version)}\n```\n");
        return text.ToString();
    }

    // The module's name is the team's text; the rest of the line is SemVer and the arrow, kept as written.
    private static string Shown(ModuleChange change) => ReleaseNotesMarkdown.Escape(change.Module) + change.Line[change.Module.Length..];
}
