using Release.Process.Versioning;
using Release.SemVer;

namespace Release.Process.Notes;

/// <summary>What the notes are built from.</summary>
/// <param name="Module">The module or product name, used in the title.</param>
/// <param name="Version">The version being released.</param>
/// <param name="PreviousVersion">The last release tag the commits are counted from, or null for the first release.</param>
/// <param name="Date">The release date (given, not read from a clock).</param>
/// <param name="Commits">The parsed commits between the two tags.</param>
/// <param name="PreviousBlessedVersion">The version production would roll back to, or null when there is none.</param>
/// <param name="RollbackEnvironment">The environment the rollback command targets.</param>
public sealed record ReleaseNotesInput(
    string Module,
    SemanticVersion Version,
    SemanticVersion? PreviousVersion,
    DateOnly Date,
    IReadOnlyList<ConventionalCommit> Commits,
    SemanticVersion? PreviousBlessedVersion,
    string RollbackEnvironment = "production");

/// <summary>One line of the notes.</summary>
/// <param name="Scope">The commit's scope, or null.</param>
/// <param name="Text">What changed.</param>
/// <param name="Sha">The short commit id, or empty.</param>
/// <param name="Issues">Issues the commit references.</param>
public sealed record ReleaseNoteEntry(string? Scope, string Text, string Sha, IReadOnlyList<string> Issues);

/// <summary>A titled group of entries.</summary>
/// <param name="Title">"Breaking changes", "Features", "Fixes", "Performance" or "Other".</param>
/// <param name="Entries">The entries in commit order.</param>
public sealed record ReleaseNoteSection(string Title, IReadOnlyList<ReleaseNoteEntry> Entries);

/// <summary>Release notes ready to render.</summary>
/// <param name="Title">The heading.</param>
/// <param name="Sections">Non-empty sections in fixed order.</param>
/// <param name="Issues">Every referenced issue, once, in first-seen order.</param>
/// <param name="PreviousBlessedVersion">The rollback target, or null.</param>
/// <param name="RollbackCommand">The exact command that restores it, or null.</param>
/// <param name="RollbackEnvironment">The environment the rollback section is about.</param>
public sealed record ReleaseNotes(
    string Title,
    IReadOnlyList<ReleaseNoteSection> Sections,
    IReadOnlyList<string> Issues,
    SemanticVersion? PreviousBlessedVersion,
    string? RollbackCommand,
    string RollbackEnvironment);
