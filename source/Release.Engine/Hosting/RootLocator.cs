namespace Release.Engine.Hosting;

/// <summary>Finds the build's root: an explicit option, <c>--root</c>, or the nearest folder upwards that holds <c>.nuke/</c>.</summary>
internal static class RootLocator
{
    public static AbsolutePath Find(BuildHostOptions options, BuildArguments arguments)
    {
        var start = Path.GetFullPath(options.WorkingDirectory ?? Directory.GetCurrentDirectory());
        var explicitRoot = options.RootDirectory ?? arguments.Root;
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
