using Release.Containers.BaseImages;
using Release.Testing;
using Release.Tooling.Processes;

namespace Release.Containers.Tests.Support;

/// <summary>
/// Assembles the host base image once per test run (it takes seconds and ~70 MB), for the tests that only read it.
/// Owned by <see cref="ContainerTestSetUp"/>, which deletes it at the end.
/// </summary>
internal sealed class AssembledBaseImageCache : IDisposable
{
    private readonly TempDirectory _directory = new("release-containers-base");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AssembledBaseImage? _image;

    public async Task<AssembledBaseImage> GetAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return _image ??= await new HostBaseImageAssembler(new ProcessRunner(), TestLog.Write)
                .AssembleAsync(new HostBaseImageOptions(_directory.Combine("layout")), ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _directory.Dispose();
        _gate.Dispose();
    }
}
