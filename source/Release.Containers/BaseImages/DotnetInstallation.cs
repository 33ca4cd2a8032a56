namespace Release.Containers.BaseImages;

/// <summary>
/// The parts of a .NET installation an ASP.NET base image needs: the <c>dotnet</c> host, <c>hostfxr</c>, and the
/// Microsoft.NETCore.App and Microsoft.AspNetCore.App shared frameworks of one major version.
/// </summary>
/// <param name="Root">The dotnet root folder (holds <c>dotnet</c>, <c>host/</c>, <c>shared/</c>).</param>
/// <param name="HostFxrVersion">Version folder under <c>host/fxr</c>.</param>
/// <param name="RuntimeVersion">Version folder of Microsoft.NETCore.App.</param>
/// <param name="AspNetCoreVersion">Version folder of Microsoft.AspNetCore.App.</param>
public sealed record DotnetInstallation(string Root, string HostFxrVersion, string RuntimeVersion, string AspNetCoreVersion)
{
    /// <summary>Shared framework folder of Microsoft.NETCore.App.</summary>
    public string RuntimeDirectory => Path.Combine(Root, "shared", "Microsoft.NETCore.App", RuntimeVersion);

    /// <summary>Shared framework folder of Microsoft.AspNetCore.App.</summary>
    public string AspNetCoreDirectory => Path.Combine(Root, "shared", "Microsoft.AspNetCore.App", AspNetCoreVersion);

    /// <summary>Folder of hostfxr.</summary>
    public string HostFxrDirectory => Path.Combine(Root, "host", "fxr", HostFxrVersion);

    /// <summary>
    /// Finds the installation: <paramref name="explicitRoot"/> if given, else <c>DOTNET_ROOT</c>, else the folder of
    /// the <c>dotnet</c> found on PATH (links resolved). Picks the newest runtime of <paramref name="majorVersion"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No usable installation; the message says where it looked and what is missing.</exception>
    public static DotnetInstallation Locate(int majorVersion, string? explicitRoot = null, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var candidates = new List<string>();
        if (!string.IsNullOrWhiteSpace(explicitRoot))
            candidates.Add(explicitRoot);
        else
        {
            if (environment("DOTNET_ROOT") is { Length: > 0 } fromEnv)
                candidates.Add(fromEnv);
            if (FindDotnetOnPath(environment("PATH")) is { } onPath)
                candidates.Add(onPath);
            candidates.Add("/usr/share/dotnet");
            candidates.Add("/usr/lib/dotnet");
        }

        var problems = new List<string>();
        foreach (var root in candidates.Select(Path.GetFullPath).Distinct())
        {
            if (TryRead(root, majorVersion, out var installation, out var problem))
                return installation!;
            problems.Add($"{root}: {problem}");
        }
        throw new InvalidOperationException(
            $"No .NET {majorVersion} installation with the ASP.NET Core runtime was found to build the base image. Looked at: " +
            string.Join("; ", problems) +
            $". Install the .NET {majorVersion} SDK or ASP.NET Core runtime, or pass its folder as the dotnet root.");
    }

    private static bool TryRead(string root, int major, out DotnetInstallation? installation, out string problem)
    {
        installation = null;
        if (!File.Exists(Path.Combine(root, "dotnet")))
        {
            problem = "no 'dotnet' executable";
            return false;
        }
        var fxr = NewestVersion(Path.Combine(root, "host", "fxr"), major);
        var runtime = NewestVersion(Path.Combine(root, "shared", "Microsoft.NETCore.App"), major);
        var aspnet = NewestVersion(Path.Combine(root, "shared", "Microsoft.AspNetCore.App"), major);
        problem = fxr is null ? $"no host/fxr/{major}.*"
            : runtime is null ? $"no shared/Microsoft.NETCore.App/{major}.*"
            : aspnet is null ? $"no shared/Microsoft.AspNetCore.App/{major}.*"
            : "";
        if (problem.Length > 0)
            return false;
        installation = new DotnetInstallation(root, fxr!, runtime!, aspnet!);
        return true;
    }

    private static string? NewestVersion(string directory, int major)
    {
        if (!Directory.Exists(directory))
            return null;
        return Directory.EnumerateDirectories(directory)
            .Select(Path.GetFileName)
            .Select(name => (name, version: Version.TryParse(name!.Split('-')[0], out var v) ? v : null))
            .Where(x => x.version?.Major == major)
            .OrderByDescending(x => x.version)
            .ThenByDescending(x => x.name, StringComparer.Ordinal)
            .Select(x => x.name)
            .FirstOrDefault();
    }

    private static string? FindDotnetOnPath(string? pathVariable)
    {
        foreach (var folder in (pathVariable ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = new FileInfo(Path.Combine(folder, "dotnet"));
            if (!candidate.Exists)
                continue;
            var resolved = candidate.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate.FullName;
            return Path.GetDirectoryName(resolved);
        }
        return null;
    }
}
