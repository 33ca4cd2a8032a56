namespace Release.Stages.Clone;

/// <summary>
/// A folder of the cloned repository a module is built from: the module's own, or that of a module it depends on
/// (<see cref="IClone.SourceFolders"/>).
/// </summary>
/// <param name="Path">The folder relative to the repository root, with forward slashes (<c>samples/gateway</c>; <c>.</c> for all).</param>
/// <param name="Module">The module whose folder it is.</param>
public sealed record SourceFolder(string Path, string Module);
