namespace Release.Applications;

/// <summary>Where a module's source is.</summary>
public abstract record ModuleSource
{
    private protected ModuleSource() { }
}

/// <summary>A folder of this repository, relative to its root (<c>samples/pricing</c>).</summary>
/// <param name="Path">The folder, with forward slashes.</param>
public sealed record FolderSource(string Path) : ModuleSource;

/// <summary>
/// The module's own git repository: a branch of it (the "staging branch of every module") is cloned before it is
/// built. <paramref name="Folder"/> is where the clone goes, relative to this repository's root.
/// </summary>
/// <param name="Url">The repository's URL (https, ssh or a local path).</param>
/// <param name="Branch">The branch to build.</param>
/// <param name="Folder">Where the clone goes; by default <c>.nuke/temp/workspace/NAME</c>.</param>
public sealed record RepositorySource(string Url, string Branch, string Folder) : ModuleSource;
