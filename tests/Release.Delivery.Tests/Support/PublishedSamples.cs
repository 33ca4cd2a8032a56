using Release.Testing;
using Release.Tooling.Processes;

namespace Release.Delivery.Tests.Support;

/// <summary>
/// The sample application's three modules (director, ledger, gateway, which calls both), published once per test run
/// on first use (two at a time: the machine has two cores), with a copy of each as "release 2" that tests may change.
/// Their sources are copied too (without outputs), so a test can build a root holding <c>samples/MODULE</c>.
/// </summary>
internal sealed class PublishedSamples : IDisposable
{
    public static readonly IReadOnlyDictionary<string, string> Projects = new Dictionary<string, string>
    {
        ["director"] = "src/Director/Director.csproj", ["ledger"] = "src/Ledger/Ledger.csproj", ["gateway"] = "src/Gateway/Gateway.csproj",
    };

    private readonly TempDirectory _work = new("release-rollout-samples");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _published;

    /// <summary>The folder holding the published modules (<c>v1/MODULE</c>, <c>v2/MODULE</c>) and the sources (<c>MODULE</c>).</summary>
    public string Path => _work.Path;

    /// <summary>Release <paramref name="version"/> (<c>1.0.0</c> or <c>2.0.0</c>) of <paramref name="module"/>, as published.</summary>
    public string Published(string version, string module) => _work.Combine(version == "1.0.0" ? "v1" : "v2", module);

    /// <summary>The copied sources of <paramref name="module"/> (samples/MODULE without build outputs).</summary>
    public string Source(string module) => _work.Combine(module);

    /// <summary>Publishes the modules on first use.</summary>
    public async Task<PublishedSamples> EnsurePublishedAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_published) return this;
            var runner = new ProcessRunner();
            using var slots = new SemaphoreSlim(2);
            await Task.WhenAll(Projects.Select(async p =>
            {
                await slots.WaitAsync();
                try
                {
                    var folder = _work.Combine(p.Key);
                    TestFolders.CopyWithoutOutputs(System.IO.Path.Combine(RepositoryRoot.Path, "samples", p.Key), folder);
                    await runner.RunAsync(new ProcessSpec("dotnet", ["publish", p.Value, "-c", "Release", "-o", _work.Combine("v1", p.Key), "--nologo", "-v", "q"])
                    {
                        WorkingDirectory = folder, Timeout = TimeSpan.FromMinutes(5),
                    });
                    TestFolders.Copy(_work.Combine("v1", p.Key), _work.Combine("v2", p.Key));
                }
                finally
                {
                    slots.Release();
                }
            }));
            _published = true;
            return this;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _work.Dispose();
        _gate.Dispose();
    }
}
