using Release.Pipeline.Records;
using Release.Tooling.Git;

namespace Release.Stages.Clone;

/// <summary>
/// Why a module of an application is built again, or not, for its Clone's line in the summary: the files of its own
/// folder and of the folders of the modules it depends on that changed since the commit its previous record named.
/// </summary>
internal static class ModuleChanges
{
    private const int Shown = 3;

    /// <summary>
    /// "none since abc1234" when the module's commit is the one built before, else the changed files (a dependency's
    /// prefixed with its name), at most three and how many more.
    /// </summary>
    public static string Describe(GitHistory history, SourceRecord? previous, SourceRecord current, IReadOnlyList<SourceFolder> folders)
    {
        if (previous is null) return $"first build at {current.ShortCommit}";
        if (previous.Commit == current.Commit) return $"none since {current.ShortCommit}";
        IReadOnlyList<string> files;
        try { files = history.FilesChanged(previous.Commit, current.Commit, folders.Select(f => f.Path).Distinct().ToList()); }
        catch (GitRefNotFoundException) { return $"{current.ShortCommit}; the commit built before ({previous.ShortCommit}) is not in this history"; }
        if (files.Count == 0) return $"{previous.ShortCommit}..{current.ShortCommit}: no file of its folders differs";

        var own = folders.FirstOrDefault()?.Module;
        var shown = files.Take(Shown).Select(file => OwnerOf(file, folders) is { } owner && owner != own ? $"dependency {owner}: {file}" : file);
        return string.Join(", ", shown) + (files.Count > Shown ? $" (+{files.Count - Shown} more)" : "");
    }

    // The module whose folder (or input) holds the file; the longest path wins (a module may live inside another's folder).
    private static string? OwnerOf(string file, IReadOnlyList<SourceFolder> folders) =>
        folders.Where(f => f.Path is "." or "" || file == f.Path || file.StartsWith(f.Path.TrimEnd('/') + "/", StringComparison.Ordinal))
            .OrderByDescending(f => f.Path.Length).FirstOrDefault()?.Module;
}
