using Release.Process.Promotion;
using Release.Process.Versioning;

namespace Release.Process.Notes;

/// <summary>
/// Builds release notes from conventional commits: breaking changes first (each breaking commit appears only
/// there), then features, fixes, performance and everything else; referenced issues; and a rollback section with
/// the exact command that restores the previous blessed version.
/// </summary>
public static class ReleaseNotesBuilder
{
    /// <summary>Groups the commits.</summary>
    /// <param name="input">Version, date, commits and rollback target.</param>
    /// <exception cref="ArgumentException">Empty module name, or a previous version not lower than the new one.</exception>
    public static ReleaseNotes Build(ReleaseNotesInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Module))
            throw new ArgumentException("Release notes need a module name for the title (ReleaseNotesInput.Module).");
        if (input.PreviousVersion is { } previous && previous >= input.Version)
            throw new ArgumentException(
                $"Release notes for {input.Module} {input.Version}: previous version {previous} is not lower; pass the last release tag before it.");

        var groups = new (string Title, Func<ConventionalCommit, bool> Belongs)[]
        {
            ("Breaking changes", c => c.IsBreaking),
            ("Features", c => c.Type == "feat"),
            ("Fixes", c => c.Type == "fix"),
            ("Performance", c => c.Type == "perf"),
            ("Other", _ => true),
        };
        var remaining = input.Commits.ToList();
        var sections = new List<ReleaseNoteSection>();
        foreach (var (title, belongs) in groups)
        {
            var taken = remaining.Where(belongs).ToArray();
            remaining.RemoveAll(c => taken.Contains(c));
            if (taken.Length == 0) continue;
            sections.Add(new ReleaseNoteSection(title, taken.SelectMany(c => Entries(c, title)).ToArray()));
        }

        var issues = input.Commits.SelectMany(c => c.ReferencedIssues).Distinct(StringComparer.Ordinal).ToArray();
        var since = input.PreviousVersion is null ? "first release" : $"changes since {input.PreviousVersion}";
        var heading = $"{input.Module} {input.Version} ({input.Date:yyyy-MM-dd}, {since})";
        var command = input.PreviousBlessedVersion is { } target ? RollbackPlanner.CommandFor(input.RollbackEnvironment, target) : null;
        return new ReleaseNotes(heading, sections, issues, input.PreviousBlessedVersion, command, input.RollbackEnvironment);
    }

    private static IEnumerable<ReleaseNoteEntry> Entries(ConventionalCommit commit, string section) =>
        section == "Breaking changes"
            ? commit.BreakingChanges.Select(text => new ReleaseNoteEntry(commit.Scope, text, commit.Sha, commit.ReferencedIssues))
            : [new ReleaseNoteEntry(commit.Scope, commit.Description, commit.Sha, commit.ReferencedIssues)];
}
