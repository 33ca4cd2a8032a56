namespace Release.Build;

/// <summary>
/// Stages templates/ReleaseKit.Templates for packing: a copy whose template.json defaults the library version to the
/// version being packed, so <c>dotnet new releasekit-build</c> references the packages packed beside it.
/// </summary>
static class TemplatePackage
{
    /// <summary>The placeholder template.json carries in the repository; only the staged copy holds a real version.</summary>
    const string VersionPlaceholder = "RELEASEKIT_PACKED_VERSION";

    /// <summary>Copies the template project to <paramref name="staging"/> and returns the staged project file.</summary>
    public static async Task<string> StageAsync(string root, string staging, string version, CancellationToken ct)
    {
        var source = Path.Combine(root, "templates", "ReleaseKit.Templates");
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj")) continue;
            var target = Path.Combine(staging, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            // Copying drops the executable bit that build.sh needs once the template has written it.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(target, File.GetUnixFileMode(file));
        }
        var templateJson = Path.Combine(staging, "content", "releasekit-build", ".template.config", "template.json");
        var text = await File.ReadAllTextAsync(templateJson, ct);
        if (!text.Contains(VersionPlaceholder, StringComparison.Ordinal))
            throw new InvalidOperationException($"{templateJson} no longer carries {VersionPlaceholder} as releaseKitVersion's default: Pack cannot stamp the version.");
        await File.WriteAllTextAsync(templateJson, text.Replace(VersionPlaceholder, version, StringComparison.Ordinal), ct);
        return Path.Combine(staging, "ReleaseKit.Templates.csproj");
    }
}
