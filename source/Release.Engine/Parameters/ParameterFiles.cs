namespace Release.Engine.Parameters;

/// <summary>Reads <c>.nuke/parameters.json</c> and the profile files, highest priority first.</summary>
public static class ParameterFiles
{
    /// <summary>Profile files (last named wins) come before the base file; a named profile that does not exist is an error.</summary>
    public static async Task<IReadOnlyList<ParameterFile>> ReadAsync(
        AbsolutePath root,
        IReadOnlyList<string> profiles,
        CancellationToken cancellationToken)
    {
        var files = new List<ParameterFile>();
        foreach (var file in Locate(root, profiles))
            files.Add(await ParameterFile.ReadAsync(file.Path, file.DisplayPath, cancellationToken).ConfigureAwait(false));
        return files;
    }

    /// <summary>
    /// <see cref="ReadAsync"/> for the start of a build, reading synchronously: these are a few small local files, and on
    /// Linux every asynchronous file read starts the thread pool, which costs a start more than reading them does.
    /// </summary>
    internal static IReadOnlyList<ParameterFile> Read(AbsolutePath root, IReadOnlyList<string> profiles) =>
        Locate(root, profiles).Select(file => ParameterFile.Read(file.Path, file.DisplayPath)).ToList();

    // A class, not a tuple: framework collections of value tuples are not precompiled, and this runs at every start.
    private sealed record Location(string Path, string DisplayPath);

    private static List<Location> Locate(AbsolutePath root, IReadOnlyList<string> profiles)
    {
        var directory = root / ".nuke";
        var files = new List<Location>();
        foreach (var profile in profiles.Reverse())
        {
            var path = directory / $"parameters.{profile}.json";
            if (!path.FileExists())
            {
                var available = directory.DirectoryExists()
                    ? Directory.GetFiles(directory, "parameters.*.json").Select(f => Path.GetFileName(f)["parameters.".Length..^".json".Length])
                        .Order()
                        .ToList()
                    : [];
                throw new BuildInputException(
                    $"--profile {profile}: .nuke/parameters.{profile}.json does not exist. " +
                    (available.Count > 0 ? $"Available profiles: {string.Join(", ", available)}." : "Create that file, or drop --profile."));
            }
            files.Add(new(path, $".nuke/parameters.{profile}.json"));
        }
        var basePath = directory / "parameters.json";
        if (basePath.FileExists()) files.Add(new(basePath, ".nuke/parameters.json"));
        return files;
    }
}
