namespace Release.Engine.Hosting;

/// <summary>Finds the build's root: an explicit option, <c>--root</c>, or the nearest folder upwards that holds <c>.nuke/</c>.</summary>
internal static class RootLocator
{
    public static AbsolutePath Find(BuildHostOptions options, BuildArguments arguments)
    {
        var explicitRoot = options.RootDirectory ?? arguments.Root;
        // The working directory only when it is needed: the bootstrap scripts pass an absolute --root, and the first
        // question for the current directory costs a start about a millisecond.
        var start = explicitRoot is not null && Path.IsPathFullyQualified(explicitRoot)
            ? explicitRoot
            : Path.GetFullPath(options.WorkingDirectory ?? Directory.GetCurrentDirectory());
        if (explicitRoot is not null)
        {
            var root = Path.GetFullPath(explicitRoot, start);
            return Directory.Exists(root) ? new AbsolutePath(root)
                : throw new BuildInputException($"--root {explicitRoot}: the directory {root} does not exist. Give an existing directory.");
        }
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            if (Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
                return new AbsolutePath(directory.FullName);
        return new AbsolutePath(start);
    }
}
