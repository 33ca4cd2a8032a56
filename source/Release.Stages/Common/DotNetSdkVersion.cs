using Release.Tooling.DotNet;

namespace Release.Stages.Common;

/// <summary>
/// The .NET SDK version the module builds with, asked once per run: Build and UnitTest track it, so a new SDK makes
/// them run again although the commit did not change. A per-run service (<c>Context.GetOrAddService</c>).
/// </summary>
internal sealed class DotNetSdkVersion(string workingDirectory)
{
    private readonly Lazy<Task<string>> _version = new(() => new DotNetClient().VersionAsync(workingDirectory));

    /// <summary>The output of <c>dotnet --version</c> in the module's workspace (its global.json applies).</summary>
    public Task<string> GetAsync(CancellationToken ct) => _version.Value.WaitAsync(ct);
}
