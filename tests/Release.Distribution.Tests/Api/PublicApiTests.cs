using Release.Testing;
using System.Reflection;
using PublicApiGenerator;
using Release.Testing.Approvals;

namespace Release.Distribution.Tests.Api;

/// <summary>
/// Each packed assembly's public API is a promise to every team's build: a change to it shows up here as a snapshot
/// diff that a reviewer approves on purpose. After an intended change (or a merge), rewrite every snapshot with
/// <c>RELEASE_APPROVE=1 dotnet test tests/Release.Distribution.Tests --filter PublicApi</c> and review the git diff.
/// </summary>
public class PublicApiTests
{
    /// <summary>The assemblies the repository packs: one per project under source/.</summary>
    private static IEnumerable<string> PackedAssemblies() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "source"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    [TestCaseSource(nameof(PackedAssemblies))]
    public void The_public_API_matches_the_approved_snapshot(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var api = assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            // The attributes say nothing a caller relies on and change with the compiler and the build (version stamps).
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        });
        Approval.Verify(api.Replace("\r\n", "\n") + "\n", $"{assemblyName}.PublicApi");
    }
}
