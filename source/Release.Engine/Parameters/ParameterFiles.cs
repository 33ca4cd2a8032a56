namespace Release.Engine.Parameters;

/// <summary>Reads <c>.nuke/parameters.json</c> and the profile files, highest priority first.</summary>
public static class ParameterFiles
{
    /// <summary>Profile files (last named wins) come before the base file; a named profile that does not exist is an error.</summary>
    public static async Task<IReadOnlyList<ParameterFile>> ReadAsync(AbsolutePath root, IReadOnlyList<string> profiles, CancellationToken cancellationToken)
    {
        var directory = root / ".nuke";
        var files = new List<ParameterFile>();
        foreach (var profile in profiles.Reverse())
        {
            var path = directory / $"parameters.{profile}.json";
            if (!path.FileExists())
            {
                var available = directory.DirectoryExists()
                    ? Directory.GetFiles(directory, "parameters.*.json").Select(f => Path.GetFileName(f)["parameters.".Length..^".json".Length]).Order().ToList()
                    : [];
                throw new BuildInputException(
                    $"--profile {profile}: .nuke/parameters.{profile}.json does not exist. " +
                    (available.Count > 0 ? $"Available profiles: {string.Join(", ", available)}." : "Create that file, or drop --profile."));
            }
            files.Add(await ParameterFile.ReadAsync(path, $".nuke/parameters.{profile}.json", cancellationToken));
        }
        var basePath = directory / "parameters.json";
        if (basePath.FileExists())
            files.Add(await ParameterFile.ReadAsync(basePath, ".nuke/parameters.json", cancellationToken));
        return files;
    }
}
