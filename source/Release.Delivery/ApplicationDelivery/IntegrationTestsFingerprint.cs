using System.Security.Cryptography;
using System.Text;
using Release.Applications;

namespace Release.Delivery.ApplicationDelivery;

/// <summary>
/// The sha256 of every module's integration test project folder (file names and contents, build outputs left out): the
/// same fingerprint means the same tests, so a green run against the same deployments need not run again.
/// </summary>
internal static class IntegrationTestsFingerprint
{
    private static readonly string[] Outputs = ["bin", "obj", "TestResults"];

    /// <summary>The sources of the integration test projects (relative to the root), for the engine's up-to-date check.</summary>
    public static IReadOnlyList<string> Globs(CheckedApplication application) =>
        application.Modules.Where(m => m.IntegrationTests is not null)
            .Select(m => Path.Combine(m.Folder, Path.GetDirectoryName(m.IntegrationTests!) ?? ".").Replace('\\', '/').TrimEnd('/'))
            .SelectMany(folder => new[] { folder + "/**/*.cs", folder + "/**/*.csproj" }).ToList();

    /// <summary>The fingerprint of the application's integration tests; <c>none</c> when no module declares any.</summary>
    public static string Of(CheckedApplication application)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var any = false;
        foreach (var module in application.Modules.Where(m => m.IntegrationTests is not null).OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            var project = Path.Combine(application.FolderOf(module.Name), module.IntegrationTests!);
            var folder = Directory.Exists(project) ? project : Path.GetDirectoryName(project)!;
            if (!Directory.Exists(folder)) continue;
            any = true;
            hash.AppendData(Encoding.UTF8.GetBytes($"module {module.Name}\n"));
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                         .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
                         .Where(f => !Outputs.Any(o => f.StartsWith(o + "/", StringComparison.Ordinal)))
                         .Order(StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes($"file {file}\n"));
                hash.AppendData(File.ReadAllBytes(Path.Combine(folder, file)));
            }
        }
        return any ? "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset()) : "none";
    }
}
